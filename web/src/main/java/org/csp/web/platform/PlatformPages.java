package org.csp.web.platform;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.csp.web.display.Tag;

/** The platform page from the administrator's endpoints (pure). */
public final class PlatformPages {

    private PlatformPages() {}

    /**
     * {@code projections}: each projection with the application it runs in; {@code refused}: each relay's latest
     * refused events, by service. A projection with a parked record, a persistent gap or an error, and a relay with an
     * event not yet republished, needs attention and comes first.
     */
    public static PlatformPage page(
            List<Map.Entry<String, PlatformBody.Projection>> projections,
            Map<String, List<PlatformBody.Refused>> refused) {
        List<PlatformPage.Projection> rows = new ArrayList<>();
        for (Map.Entry<String, PlatformBody.Projection> entry : projections) {
            rows.add(projection(entry.getKey(), entry.getValue()));
        }
        rows.sort(Comparator.comparing((PlatformPage.Projection p) -> !attention(p.state()))
                .thenComparing(PlatformPage.Projection::name));
        List<PlatformPage.Relay> relays = new ArrayList<>();
        refused.forEach((service, events) -> {
            long waiting = events.stream().filter(e -> e.resolvedAt() == null).count();
            relays.add(new PlatformPage.Relay(
                    service,
                    waiting == 0 ? new Tag("Publishing", "govuk-tag--green") : needsAttention(),
                    waiting == 0
                            ? "None waiting"
                            : waiting + (waiting == 1 ? " refused event" : " refused events")
                                    + " not yet published again"));
        });
        relays.sort(Comparator.comparing((PlatformPage.Relay r) -> !attention(r.state()))
                .thenComparing(PlatformPage.Relay::service));
        return new PlatformPage(List.copyOf(rows), List.copyOf(relays));
    }

    private static PlatformPage.Projection projection(String runsIn, PlatformBody.Projection p) {
        PlatformBody.Generation live = p.live();
        long parked = live == null ? 0 : live.parkedCount();
        long persistent = live == null
                ? 0
                : live.gaps().stream().filter(PlatformBody.Gap::persistent).count();
        boolean failing = p.lastError() != null || parked > 0 || persistent > 0;
        Tag state = failing
                ? needsAttention()
                : live == null ? new Tag("Not started", "govuk-tag--grey") : new Tag("Up to date", "govuk-tag--green");
        if (!failing && live != null && live.lag() > 0) {
            state = new Tag("Catching up", "govuk-tag--yellow");
        }
        return new PlatformPage.Projection(
                p.projection(),
                runsIn,
                state,
                live == null ? "Not known" : live.lag() + (live.lag() == 1 ? " event" : " events"),
                parked == 0 ? "None" : parked + " parked",
                persistent == 0 ? "None" : persistent + " persistent",
                p.rebuild() == null
                        ? "None"
                        : "Generation " + p.rebuild().generation() + ": "
                                + words(p.rebuild().state()));
    }

    private static Tag needsAttention() {
        return new Tag("Needs attention", "govuk-tag--red");
    }

    private static boolean attention(Tag state) {
        return state.text().equals("Needs attention");
    }

    private static String words(String state) {
        return state == null
                ? "state not known"
                : state.toLowerCase(java.util.Locale.UK).replace('_', ' ');
    }
}
