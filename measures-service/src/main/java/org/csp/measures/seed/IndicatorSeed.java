package org.csp.measures.seed;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.csp.eventsourcing.Actor;
import org.csp.eventsourcing.EventStoreReady;
import org.csp.measures.indicator.CatalogueDifference;
import org.csp.measures.indicator.CatalogueFile;
import org.csp.measures.indicator.IndicatorCommand.DefineIndicator;
import org.csp.measures.indicator.IndicatorDefinitions;
import org.csp.measures.indicator.IndicatorEvent.IndicatorDefinition;
import org.csp.measures.indicator.IndicatorRequest;
import org.csp.measures.indicator.IndicatorTable.IndicatorRow;
import org.csp.measures.indicator.Indicators;
import org.csp.measures.indicator.SourceOrganisations;
import org.csp.partnership.PartnershipRegistry;
import org.csp.partnership.PartnershipRegistry.Partnership;
import org.csp.problem.ProblemException;
import org.csp.seed.SeedFiles;
import org.jboss.logging.Logger;

/**
 * Loads each configured indicator catalogue file (format {@code csp-indicators/2}) at start-up, in the configured
 * order: its source organisations become known, and every indicator not yet in the event store is defined, all in one
 * transaction per partnership. A file is of one partnership ({@code partnership}) or of every partnership in the
 * partnerships file ({@code everyPartnership}: the county core set). An indicator that exists is left as it is (the
 * coordinator may have amended it, or a partnership's own file, listed first, defined it with its plan's priority);
 * running it again defines nothing. The comparison is the API import's ({@link CatalogueDifference}), of which the
 * seed takes only the new indicators.
 */
@ApplicationScoped
public class IndicatorSeed {

    private static final Logger LOG = Logger.getLogger(IndicatorSeed.class);

    private final Indicators indicators;
    private final SourceOrganisations organisations;
    private final ObjectMapper json;
    private final List<String> files;
    private final PartnershipRegistry partnerships;

    public IndicatorSeed(
            Indicators indicators,
            SourceOrganisations organisations,
            ObjectMapper json,
            IndicatorSeedConfig config,
            PartnershipRegistry partnerships) {
        this.indicators = indicators;
        this.organisations = organisations;
        this.json = json;
        this.files = config.indicators();
        this.partnerships = partnerships;
    }

    void onReady(@Observes @Priority(Interceptor.Priority.APPLICATION + 100) EventStoreReady ready) {
        List<CatalogueFile> contents =
                files.stream().map(file -> read(json, file)).toList();
        contents.forEach(content -> content.organisations().forEach(o -> organisations.add(o.id(), o.name())));
        for (int i = 0; i < files.size(); i++) {
            CatalogueFile content = contents.get(i);
            String file = files.get(i);
            Map<String, DefineIndicator> commands = new LinkedHashMap<>();
            content.indicators().forEach(entry -> commands.putIfAbsent(entry.code(), define(file, entry)));
            Map<String, IndicatorDefinition> wanted = new LinkedHashMap<>();
            commands.forEach((code, command) -> wanted.put(code, command.definition()));
            for (String partnership : partnershipsOf(file, content)) {
                long added = ready.store()
                        .inTransaction(unit -> indicators
                                .list(unit.connection(), partnership)
                                .map(rows -> CatalogueDifference.of(wanted, definitions(rows)))
                                .flatMap(difference -> Multi.createFrom()
                                        .iterable(difference.defined())
                                        .onItem()
                                        .transformToUniAndConcatenate(code ->
                                                indicators.define(unit, partnership, commands.get(code), Actor.SYSTEM))
                                        .filter(Boolean::booleanValue)
                                        .collect()
                                        .asList()
                                        .map(List::size)))
                        .await()
                        .atMost(Duration.ofMinutes(2));
                LOG.infof("Indicators for %s: %d in %s, %d newly defined", partnership, commands.size(), file, added);
            }
        }
    }

    private static Map<String, IndicatorDefinition> definitions(List<IndicatorRow> rows) {
        Map<String, IndicatorDefinition> held = new HashMap<>();
        rows.forEach(row -> held.put(row.code(), row.definition()));
        return held;
    }

    /** The partnerships a file is of: the one it names, or every one of the partnerships file; never both. */
    List<String> partnershipsOf(String file, CatalogueFile content) {
        boolean every = Boolean.TRUE.equals(content.everyPartnership());
        if (every == (content.partnership() != null)) {
            throw new IllegalStateException(
                    file + " must name either its partnership or everyPartnership: true, not both nor neither");
        }
        if (every) {
            return partnerships.partnerships().stream().map(Partnership::id).toList();
        }
        if (!partnerships.contains(content.partnership())) {
            throw new IllegalStateException(
                    file + " is of the partnership " + content.partnership() + ", which the partnerships file lacks");
        }
        return List.of(content.partnership());
    }

    static CatalogueFile read(ObjectMapper json, String file) {
        CatalogueFile content = SeedFiles.read(json, file, CatalogueFile.class);
        if (!CatalogueFile.FORMAT.equals(content.format())) {
            throw new IllegalStateException(file + " is not a " + CatalogueFile.FORMAT + " catalogue file");
        }
        return content;
    }

    /** The command an entry of the file stands for; an invalid entry stops the start, naming what is wrong. */
    DefineIndicator define(String file, IndicatorRequest entry) {
        try {
            return new DefineIndicator(entry.code(), IndicatorDefinitions.validate(entry, organisations.ids()), true);
        } catch (ProblemException e) {
            throw new IllegalStateException(
                    "Indicator " + entry.code() + " in " + file + " is not valid: " + e.violations(), e);
        }
    }
}
