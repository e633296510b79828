package org.csp.measures.seed;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.csp.eventsourcing.EventStoreReady;
import org.csp.measures.indicator.Frequency;
import org.csp.measures.indicator.IndicatorCommand.DefineIndicator;
import org.csp.measures.indicator.Indicators;
import org.csp.measures.indicator.Polarity;
import org.csp.measures.indicator.Unit;
import org.csp.seed.SeedFiles;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;

/**
 * Loads each configured indicator file (one per partnership) at start-up: every indicator not yet in the event
 * store is defined, all in one transaction. Running it again defines nothing.
 */
@ApplicationScoped
public class IndicatorSeed {

    private static final Logger LOG = Logger.getLogger(IndicatorSeed.class);

    private final Indicators indicators;
    private final ObjectMapper json;
    private final List<String> files;

    public IndicatorSeed(Indicators indicators, ObjectMapper json, IndicatorSeedConfig config) {
        this.indicators = indicators;
        this.json = json;
        this.files = config.indicators();
    }

    /** The data file's shape: where it was taken from, a partnership and its indicators. */
    public record IndicatorFile(String source, String partnership, List<Entry> indicators) {

        /** One indicator as the file writes it; unit, frequency and polarity as codes ("count", "monthly", …). */
        public record Entry(String code, String title, String description, int priority, String unit, String frequency,
                            String polarity, List<String> sources, String baseline) {
        }
    }

    void onReady(@Observes @Priority(Interceptor.Priority.APPLICATION + 100) EventStoreReady ready) {
        for (String file : files) {
            IndicatorFile content = SeedFiles.read(json, file, IndicatorFile.class);
            List<DefineIndicator> commands = content.indicators().stream().map(entry -> define(file, entry)).toList();
            long added = ready.store().inTransaction(unit -> Multi.createFrom().iterable(commands)
                            .onItem().transformToUniAndConcatenate(command -> indicators.define(unit, content.partnership(), command))
                            .filter(Boolean::booleanValue).collect().asList().map(List::size))
                    .await().atMost(Duration.ofMinutes(2));
            LOG.infof("Indicators for %s: %d in %s, %d newly defined", content.partnership(), commands.size(), file, added);
        }
    }

    /**
     * The command an entry of the file stands for. A file with an unknown unit, frequency or polarity must stop the
     * start, not define a broken indicator.
     */
    static DefineIndicator define(String file, IndicatorFile.Entry e) {
        Unit unit = Unit.of(e.unit());
        Frequency frequency = Frequency.of(e.frequency());
        Polarity polarity = Polarity.of(e.polarity());
        if (unit == null || frequency == null || polarity == null || e.sources() == null || e.sources().isEmpty()
                || e.code() == null || e.title() == null) {
            throw new IllegalStateException("Indicator " + e.code() + " in " + file
                    + " needs a code, a title, at least one source and a known unit, frequency and polarity " + Polarity.codes());
        }
        return new DefineIndicator(e.code(), e.title(), e.description(), e.priority(), unit, frequency, polarity,
                e.sources(), e.baseline());
    }
}
