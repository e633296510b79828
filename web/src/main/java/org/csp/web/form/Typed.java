package org.csp.web.form;

/** What a person typed into a form, as they typed it. */
public final class Typed {

    private Typed() {}

    /**
     * A text area's text with its line breaks as the person typed them: a browser sends each as CR LF, which would
     * count twice against a text's limit of characters.
     */
    public static String text(String sent) {
        return sent == null ? null : sent.replace("\r\n", "\n");
    }
}
