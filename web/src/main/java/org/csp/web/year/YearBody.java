package org.csp.web.year;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.util.List;

/**
 * A financial year of the partnership ({@code GET /api/views/annual/{year}}) as the year-end page reads it; the
 * gateway's {@code org.csp.gateway.views.AnnualView} says what each field means.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record YearBody(String partnership, String year, List<Priority> priorities, int consultationsClosed) {

    public YearBody {
        priorities = priorities == null ? List.of() : priorities;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Priority(int number, String title, List<Indicator> indicators, Initiatives initiatives) {
        public Priority {
            indicators = indicators == null ? List.of() : indicators;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Indicator(String code, String title, String unit, List<Quarter> quarters, Year year) {
        public Indicator {
            quarters = quarters == null ? List.of() : quarters;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Quarter(String quarter, BigDecimal value, BigDecimal sameQuarterLastYear, String rag) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Year(
            BigDecimal value,
            BigDecimal lastYear,
            BigDecimal change,
            BigDecimal changePercent,
            BigDecimal target,
            String rag,
            String direction) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Initiatives(int total, List<String> completed, List<String> carriedOver, List<String> overdue) {
        public Initiatives {
            completed = completed == null ? List.of() : completed;
            carriedOver = carriedOver == null ? List.of() : carriedOver;
            overdue = overdue == null ? List.of() : overdue;
        }
    }
}
