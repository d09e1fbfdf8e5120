package io.dealflow.deal.deal.command;

import io.dealflow.deal.deal.command.DealRefusal.DealClosed;
import io.dealflow.deal.deal.command.DealRefusal.FirstRowNotOpened;
import io.dealflow.deal.deal.command.DealRefusal.LossReasonRequired;
import io.dealflow.deal.deal.command.DealRefusal.OpenedTwice;
import io.dealflow.deal.deal.command.DealRefusal.RequiredFieldsMissing;
import io.dealflow.deal.deal.command.DealRefusal.SkipNotAllowed;
import io.dealflow.api.deal.DealFieldsUpdated;
import io.dealflow.api.deal.DealLost;
import io.dealflow.api.deal.DealManagerReassigned;
import io.dealflow.api.deal.DealOpened;
import io.dealflow.api.deal.DealStageChanged;
import io.dealflow.api.deal.DealWon;
import io.dealflow.api.deal.Direction;
import io.dealflow.deal.pipeline.command.Pipelines;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.dealflow.deal.deal.command.Deals.ACTOR;
import static io.dealflow.deal.deal.command.Deals.DEAL_ID;
import static io.dealflow.deal.deal.command.Deals.MANAGER;
import static io.dealflow.deal.deal.command.Deals.proposalFields;
import static io.dealflow.deal.deal.command.Deals.salesContact;
import static io.dealflow.deal.deal.command.Deals.salesDealOpened;

/** An imported history is decided by the same handlers as live commands, row by row, whole or not at all. */
class DealImportTest {

    private static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");

    private final FixtureConfiguration<Deal> fixture = new AggregateTestFixture<>(Deal.class)
            .registerInjectableResource(Pipelines.catalog(Pipelines.sales(), Pipelines.contracts(),
                    Pipelines.delivery()));

    @Test
    void aWonHistoryBecomesTheEventsLiveCommandsWouldHaveMade() {
        fixture.givenNoPriorActivity()
                .when(history(opened(1, salesContact()),
                        row(2, HistoryAction.FIELDS, null, null, null, Map.of("equipmentCategories", "lathes")),
                        moved(3, "needs-identified"),
                        moved(4, "finance-legal-check"),
                        moved(5, "proposal"),
                        row(6, HistoryAction.MOVED, "proposal-sent", null, null, proposalFields()),
                        row(7, HistoryAction.REASSIGNED, null, "taras", null, Map.of()),
                        row(8, HistoryAction.WON, null, null, null, Map.of())))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(9)
                .expectEvents(imported(salesContact()),
                        new DealFieldsUpdated(DEAL_ID, "sales", 1, ACTOR, Map.of("equipmentCategories", "lathes")),
                        forward("new-inquiry", "needs-identified", MANAGER),
                        forward("needs-identified", "finance-legal-check", MANAGER),
                        forward("finance-legal-check", "proposal", MANAGER),
                        new DealFieldsUpdated(DEAL_ID, "sales", 1, ACTOR, proposalFields()),
                        forward("proposal", "proposal-sent", MANAGER),
                        new DealManagerReassigned(DEAL_ID, "sales", 1, ACTOR, MANAGER, "taras"),
                        new DealWon(DEAL_ID, "sales", 1, ACTOR, "proposal-sent", "taras"));
    }

    @Test
    void everyImportedEventCarriesItsRowsTimeAndTheImportedMark() {
        fixture.givenNoPriorActivity()
                .when(history(opened(1, salesContact()), lost(2, "price", "too expensive")))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.exactSequenceOf(
                        importedAt(T0.plusSeconds(3600)), importedAt(T0.plusSeconds(7200)),
                        org.axonframework.test.matchers.Matchers.andNoMore()));
    }

    @Test
    void aSkipInAStrictPipelineRefusesTheDealWithItsLineAndRule() {
        fixture.givenNoPriorActivity()
                .when(history(opened(1, salesContact()),
                        row(2, HistoryAction.FIELDS, null, null, null, Map.of("equipmentCategories", "lathes")),
                        moved(3, "proposal")))
                .expectException(refusedAt(3, SkipNotAllowed.class))
                .expectNoEvents();
    }

    @Test
    void aLostRowWithoutAReasonIsRefused() {
        fixture.givenNoPriorActivity()
                .when(history(opened(1, salesContact()),
                        lost(2, null, "went silent")))
                .expectException(refusedAt(2, LossReasonRequired.class))
                .expectNoEvents();
    }

    @Test
    void aMissingRequiredFieldIsRefusedOnTheRowThatNeedsIt() {
        Map<String, String> withoutSource = new java.util.LinkedHashMap<>(salesContact());
        withoutSource.remove("source");
        fixture.givenNoPriorActivity()
                .when(history(opened(1, withoutSource)))
                .expectException(refusedAt(1, RequiredFieldsMissing.class))
                .expectNoEvents();
    }

    @Test
    void aHistoryThatDoesNotStartWithOpenedIsRefused() {
        fixture.givenNoPriorActivity()
                .when(history(moved(1, "needs-identified")))
                .expectException(refusedAt(1, FirstRowNotOpened.class))
                .expectNoEvents();
    }

    @Test
    void aDealOpenedTwiceInItsHistoryIsRefused() {
        fixture.givenNoPriorActivity()
                .when(history(opened(1, salesContact()), opened(2, salesContact())))
                .expectException(refusedAt(2, OpenedTwice.class))
                .expectNoEvents();
    }

    @Test
    void aRowAfterTheDealClosedIsRefusedAsLiveWouldBe() {
        fixture.givenNoPriorActivity()
                .when(history(opened(1, salesContact()),
                        lost(2, "price", "too expensive"),
                        row(3, HistoryAction.REASSIGNED, null, "taras", null, Map.of())))
                .expectException(refusedAt(3, DealClosed.class))
                .expectNoEvents();
    }

    @Test
    void anOpenedRowNamingALaterStageIsJudgedAsAMoveThere() {
        fixture.givenNoPriorActivity()
                .when(history(new HistoryRow(1, T0.plusSeconds(3600), HistoryAction.OPENED, "needs-identified",
                        MANAGER, "Токарний верстат для заводу", null, null,
                        Deals.merged(salesContact(), Map.of("equipmentCategories", "lathes")))))
                .expectSuccessfulHandlerExecution()
                .expectEvents(imported(Deals.merged(salesContact(), Map.of("equipmentCategories", "lathes"))),
                        forward("new-inquiry", "needs-identified", MANAGER));
    }

    private static ImportDealHistoryCommand history(HistoryRow... rows) {
        return new ImportDealHistoryCommand(DEAL_ID, "sales", "crm-42", List.of(rows), ACTOR);
    }

    private static HistoryRow opened(long line, Map<String, String> fields) {
        return new HistoryRow(line, T0.plusSeconds(3600 * line), HistoryAction.OPENED, null, MANAGER,
                "Токарний верстат для заводу", null, null, fields);
    }

    private static HistoryRow lost(long line, String reasonCode, String comment) {
        return new HistoryRow(line, T0.plusSeconds(3600 * line), HistoryAction.LOST, null, null, null, reasonCode,
                comment, Map.of());
    }

    private static HistoryRow moved(long line, String stageId) {
        return row(line, HistoryAction.MOVED, stageId, null, null, Map.of());
    }

    private static HistoryRow row(long line, HistoryAction action, String stageId, String managerId,
                                  String reasonCode, Map<String, String> fields) {
        return new HistoryRow(line, T0.plusSeconds(3600 * line), action, stageId, managerId, null, reasonCode, null,
                fields);
    }

    private static DealOpened imported(Map<String, String> fields) {
        DealOpened live = salesDealOpened(fields);
        return new DealOpened(live.dealId(), live.pipelineId(), live.pipelineVersion(), live.actor(), live.title(),
                live.managerId(), live.stageId(), live.fields(), List.of(), "crm-42", null, null);
    }

    private static DealStageChanged forward(String from, String to, String managerId) {
        return new DealStageChanged(DEAL_ID, "sales", 1, ACTOR, from, to, Direction.FORWARD, List.of(), null,
                managerId);
    }

    private static Matcher<org.axonframework.eventhandling.EventMessage<?>> importedAt(Instant at) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(org.axonframework.eventhandling.EventMessage<?> event) {
                return ImportedEvents.isImported(event) && at.equals(ImportedEvents.occurredAt(event));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("an imported event that happened at ").appendValue(at);
            }
        };
    }

    private static Matcher<HistoryRowRefusedException> refusedAt(long line, Class<? extends DealRefusal> rule) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(HistoryRowRefusedException refused) {
                return refused.line() == line && rule.isInstance(refused.refusal());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("line ").appendValue(line).appendText(" refused by ")
                        .appendText(rule.getSimpleName());
            }

            @Override
            protected void describeMismatchSafely(HistoryRowRefusedException refused, Description mismatch) {
                mismatch.appendText("line ").appendValue(refused.line()).appendText(" refused with ")
                        .appendValue(refused.refusal());
            }
        };
    }
}
