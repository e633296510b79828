package org.csp.gateway.security;

import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.util.Base64;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;

/** Tokens made by the test, with jose4j (which quarkus-oidc brings): signed as asked, or not at all. */
final class ForgedTokens {

    private ForgedTokens() {}

    /** The claims of a real token (its payload), to change and sign again. */
    static JwtClaims claimsOf(String token) {
        try {
            return JwtClaims.parse(payloadOf(token));
        } catch (org.jose4j.jwt.consumer.InvalidJwtException e) {
            throw new IllegalStateException(e);
        }
    }

    static String payloadOf(String token) {
        return new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
    }

    /** {@code claims} signed with {@code key} by {@code algorithm}, the header naming {@code kid}. */
    static String signed(JwtClaims claims, String algorithm, Key key, String kid) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(algorithm);
        jws.setKey(key);
        jws.setKeyIdHeaderValue(kid);
        jws.setHeader("typ", "JWT");
        jws.setDoKeyValidation(false); // an HMAC key of a public key's bytes, as an attacker would use
        jws.setAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code claims} under {@code alg=none}, with an empty signature. */
    static String unsigned(JwtClaims claims) {
        return signed(claims, AlgorithmIdentifiers.NONE, null, null);
    }

    /** {@code claims} HMAC-signed (HS256) with {@code secret} as the key, the header naming {@code kid}. */
    static String hs256(JwtClaims claims, byte[] secret, String kid) {
        return signed(claims, AlgorithmIdentifiers.HMAC_SHA256, new HmacKey(secret), kid);
    }

    /** The token with its payload replaced by {@code claims} and its signature kept: a signature that does not match. */
    static String tampered(String token, JwtClaims claims) {
        String[] parts = token.split("\\.");
        String payload = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(claims.toJson().getBytes(StandardCharsets.UTF_8));
        return parts[0] + "." + payload + "." + parts[2];
    }
}
