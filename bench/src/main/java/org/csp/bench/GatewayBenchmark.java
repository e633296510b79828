package org.csp.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the gateway costs, measured side by side in one run on the local stack: the same GETs sent to a service
 * directly (its own port, the same token: the services check tokens themselves) and through the gateway, alternately,
 * in rounds, first by one client (latency: what the gateway adds at p50 and p99) then by N clients (throughput: the
 * gateway's answers a second against the service's). Prints a table; nothing is timed in a test.
 */
public final class GatewayBenchmark {

    private static final String USAGE = "bench/gateway [--seconds N] [--clients N] [--rounds N]";

    /** One GET measured both ways. */
    private record Target(String name, String path, int port) {}

    private record Side(String target, int clients, Load.Result direct, Load.Result gateway) {}

    public static void main(String[] args) throws Exception {
        int seconds = 10, clients = 8, rounds = 3;
        for (int i = 0; i + 1 < args.length; i += 2) {
            int value = Integer.parseInt(args[i + 1]);
            switch (args[i]) {
                case "--seconds" -> seconds = value;
                case "--clients" -> clients = value;
                case "--rounds" -> rounds = value;
                default -> throw new IllegalArgumentException("Unknown option " + args[i] + "; " + USAGE);
            }
        }
        if (args.length % 2 != 0 || seconds < 1 || clients < 1 || rounds < 1) {
            throw new IllegalArgumentException(USAGE);
        }
        BenchStack stack = BenchStack.startOrReuse("gateway-stack.log");
        try {
            BenchStack.Token viewer = stack.user("viewer");
            List<Target> targets = List.of(
                    new Target("plan-service: an initiative", "/api/initiatives/P1-01", port("CSP_PLAN_PORT", 8081)),
                    new Target("plan-service: the initiatives (34)", "/api/initiatives", port("CSP_PLAN_PORT", 8081)),
                    new Target("measures-service: the indicators", "/api/indicators", port("CSP_MEASURES_PORT", 8082)));
            for (Target target : targets) { // warm both ways, not measured
                run(stack, viewer, target, 1, 5, null);
            }
            List<Side> sides = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                for (Target target : targets) {
                    sides.add(run(stack, viewer, target, 1, seconds, "round " + round));
                    sides.add(run(stack, viewer, target, clients, seconds, "round " + round));
                }
            }
            System.out.printf(
                    "%n%s, the gateway against the service directly, %d s each way, alternately, %d rounds:%n%n",
                    LocalDate.now(), seconds, rounds);
            System.out.println("| GET | clients | direct p50 / p99 ms | gateway p50 / p99 ms | added p99 ms"
                    + " | direct /s | gateway /s | ratio |");
            System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
            for (Side side : sides) {
                System.out.printf(
                        "| %s | %d | %.2f / %.2f | %.2f / %.2f | %.2f | %,.0f | %,.0f | %.2f |%n",
                        side.target(),
                        side.clients(),
                        side.direct().p50(),
                        side.direct().p99(),
                        side.gateway().p50(),
                        side.gateway().p99(),
                        side.gateway().p99() - side.direct().p99(),
                        side.direct().perSecond(),
                        side.gateway().perSecond(),
                        side.gateway().perSecond() / side.direct().perSecond());
            }
        } finally {
            stack.close();
        }
        System.exit(0);
    }

    /** A service's port, as deploy/run takes it from the environment. */
    private static int port(String variable, int otherwise) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? otherwise : Integer.parseInt(value.strip());
    }

    private static Side run(
            BenchStack stack, BenchStack.Token token, Target target, int clients, int seconds, String round)
            throws Exception {
        String label = (round == null ? "warm-up (not measured)" : round) + ", " + target.name();
        String direct = "http://127.0.0.1:" + target.port() + target.path();
        String gateway = stack.gateway + target.path();
        Load.Result viaService = Load.run(label + ", direct", direct, token, Map.of(), 200, seconds, clients, a -> 0);
        Load.Result viaGateway = Load.run(label + ", gateway", gateway, token, Map.of(), 200, seconds, clients, a -> 0);
        if (viaService.errors() + viaGateway.errors() > 0) {
            System.out.printf(
                    "  errors: %d direct, %d through the gateway%n", viaService.errors(), viaGateway.errors());
        }
        return new Side(target.name(), clients, viaService, viaGateway);
    }
}
