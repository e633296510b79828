package org.csp.plan;

import java.time.LocalDate;
import java.util.List;
import org.csp.plan.actionplan.PlanEvent;
import org.csp.plan.initiative.InitiativeEvent;
import org.csp.plan.objective.ObjectiveEvent;
import org.csp.plan.organisation.OrganisationEvent;
import org.csp.plan.priority.PriorityEvent;
import org.csp.plan.review.ReviewEvent;

/** One example of every event type of the plan service: the pinned JSON files hold these, serialized. */
public final class SampleEvents {

    public static final OrganisationEvent.Definition POLICE =
            new OrganisationEvent.Definition("Gloucestershire Police", "responsible-authority");

    public static final PriorityEvent.Definition PRIORITY_1 = new PriorityEvent.Definition(
            "Aim to reduce and proactively tackle ASB in all its forms.",
            "Aim to reduce and proactively tackle Anti-Social Behaviour (ASB) in all its forms.",
            "Anti-social behaviour has a negative impact upon the quality of life of residents.",
            "stroud-district-council",
            null,
            List.of(
                    new PriorityEvent.Measure("Aim to Reduction in complaints about ASB.", List.of("ASB-COMPLAINTS")),
                    new PriorityEvent.Measure("We will adopt the strategy", List.of())));

    public static final ObjectiveEvent.Definition OBJECTIVE = new ObjectiveEvent.Definition(
            1, "A reduction in street related ASB, through effective use of criminal and civil powers", List.of());

    public static final InitiativeEvent.Definition CCTV = new InitiativeEvent.Definition(
            1,
            List.of("P1-O1"),
            "Support events, businesses, and the Police by providing effective mobile CCTV coverage.",
            "stroud-district-council",
            List.of("gloucestershire-constabulary"),
            LocalDate.of(2023, 4, 1),
            LocalDate.of(2026, 3, 31),
            "Two mobile CCTV units",
            "District council revenue budget",
            List.of(new InitiativeEvent.Risk(
                    "Units out of service", "medium", "high", "Maintenance contract", "stroud-district-council")),
            new InitiativeEvent.Sara(
                    "Night-time economy hotspots", "Incidents cluster on Fridays", "Deploy units", "Compare incidents"),
            List.of("ASB-INCIDENTS"));

    public static final PlanEvent.Definition PLAN = new PlanEvent.Definition(
            "Stroud District Community Safety Partnership Action Plan 2023 – 2026",
            LocalDate.of(2023, 4, 1),
            LocalDate.of(2026, 3, 31),
            "To contribute to a high quality of life for all",
            "To deliver enhanced partnership working",
            List.of(new PlanEvent.Statement("A public health approach", "Focus on early intervention and prevention.")),
            List.of(new PlanEvent.Statement(
                    "Substance misuse", "A significant proportion of crime is linked to substance misuse.")),
            List.of(new PlanEvent.Responsibility(
                    "f", "Raise the awareness of key issues", "https://www.gloucestershire.gov.uk/")),
            "In Gloucestershire, obligation a) is shared with Safer Gloucestershire",
            List.of("gloucestershire-constabulary"),
            List.of("victim-support"));

    public static final ReviewEvent.Report REPORT = new ReviewEvent.Report(
            1,
            "CCTV deployed at four events",
            List.of(
                    new ReviewEvent.InitiativeState("P1-03", "Mobile CCTV", "on-track", "green", "Four events covered"),
                    new ReviewEvent.InitiativeState("P1-04", "Press liaison", null, null, null)));

    private SampleEvents() {}
}
