package io.dealflow.deal.deal.command;

import io.dealflow.deal.deal.command.DealRefusal.AlreadyInStage;
import io.dealflow.deal.deal.command.DealRefusal.BackwardMoveNotAllowed;
import io.dealflow.deal.deal.command.DealRefusal.BackwardReasonRequired;
import io.dealflow.deal.deal.command.DealRefusal.DealClosed;
import io.dealflow.deal.deal.command.DealRefusal.DealIdTaken;
import io.dealflow.deal.deal.command.DealRefusal.LossCommentRequired;
import io.dealflow.deal.deal.command.DealRefusal.LossReasonRequired;
import io.dealflow.deal.deal.command.DealRefusal.PipelineNotFound;
import io.dealflow.deal.deal.command.DealRefusal.RequiredFieldsCleared;
import io.dealflow.deal.deal.command.DealRefusal.RequiredFieldsMissing;
import io.dealflow.deal.deal.command.DealRefusal.SkipNotAllowed;
import io.dealflow.deal.deal.command.DealRefusal.SkipReasonRequired;
import io.dealflow.deal.deal.command.DealRefusal.UnknownLossReason;
import io.dealflow.deal.deal.command.DealRefusal.UnknownStage;
import io.dealflow.deal.deal.command.DealRefusal.WonOnlyFromLastStage;
import io.dealflow.api.deal.DealDocumentAttached;
import io.dealflow.api.deal.DealFieldsUpdated;
import io.dealflow.api.deal.DealLost;
import io.dealflow.api.deal.DealManagerReassigned;
import io.dealflow.api.deal.DealOpened;
import io.dealflow.api.deal.DealStageChanged;
import io.dealflow.api.deal.DealTagged;
import io.dealflow.api.deal.DealUntagged;
import io.dealflow.api.deal.DealWon;
import io.dealflow.api.deal.Direction;
import io.dealflow.api.id.PipelineId;
import io.dealflow.api.id.StageId;
import io.dealflow.api.pipeline.PipelineDefined;
import io.dealflow.api.pipeline.StageDefinition;
import io.dealflow.deal.pipeline.command.Pipelines;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.dealflow.deal.Refusals.refusedBy;
import static io.dealflow.deal.Refusals.refusedWith;
import static io.dealflow.deal.deal.command.Deals.ACTOR;
import static io.dealflow.deal.deal.command.Deals.DEAL_ID;
import static io.dealflow.deal.deal.command.Deals.MANAGER;
import static io.dealflow.deal.deal.command.Deals.forward;
import static io.dealflow.deal.deal.command.Deals.merged;
import static io.dealflow.deal.deal.command.Deals.moveTo;
import static io.dealflow.deal.deal.command.Deals.openedIn;
import static io.dealflow.deal.deal.command.Deals.proposalFields;
import static io.dealflow.deal.deal.command.Deals.salesContact;
import static io.dealflow.deal.deal.command.Deals.salesDealOpened;

class DealTest {

    private static FixtureConfiguration<Deal> fixture(PipelineDefined... pipelines) {
        FixtureConfiguration<Deal> fixture = new AggregateTestFixture<>(Deal.class);
        fixture.registerInjectableResource(Pipelines.catalog(pipelines));
        return fixture;
    }

    private static FixtureConfiguration<Deal> demo() {
        return fixture(Pipelines.sales(), Pipelines.contracts(), Pipelines.delivery());
    }

    @Nested
    class Opening {

        @Test
        void opensInTheFirstStageUnderTheLatestPipelineVersion() {
            PipelineDefined v2 = Pipelines.defined("sales", 2, Pipelines.definition("sales"));
            fixture(Pipelines.sales(), v2).givenNoPriorActivity()
                    .when(Deals.openSalesDeal(salesContact()))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new DealOpened(DEAL_ID, "sales", 2, ACTOR, "Токарний верстат для заводу", MANAGER,
                            "new-inquiry", salesContact(), List.of("vip"), "crm-42", null, null));
        }

        @Test
        void aFieldGivenAsNullIsLeftOutLikeABlankOne() {
            Map<String, String> withNull = new HashMap<>(salesContact());
            withNull.put("budget", null);
            demo().givenNoPriorActivity()
                    .when(Deals.openSalesDeal(withNull))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new DealOpened(DEAL_ID, "sales", 1, ACTOR, "Токарний верстат для заводу", MANAGER,
                            "new-inquiry", salesContact(), List.of("vip"), "crm-42", null, null));
        }

        @Test
        void cannotOpenWithoutTheFirstStagesRequiredFields() {
            Map<String, String> noSource = new HashMap<>(salesContact());
            noSource.remove("source");
            demo().givenNoPriorActivity()
                    .when(Deals.openSalesDeal(noSource))
                    .expectException(refusedBy(RequiredFieldsMissing.class))
                    .expectNoEvents();
        }

        @Test
        void cannotOpenWithNeitherPhoneNorEmail() {
            Map<String, String> noContact = new HashMap<>(salesContact());
            noContact.remove("phone");
            noContact.put("email", "   ");
            demo().givenNoPriorActivity()
                    .when(Deals.openSalesDeal(noContact))
                    .expectException(refusedBy(RequiredFieldsMissing.class))
                    .expectExceptionMessage(org.hamcrest.Matchers.containsString("phone|email"));
        }

        @Test
        void cannotOpenInAnUnknownPipeline() {
            demo().givenNoPriorActivity()
                    .when(new OpenDealCommand(DEAL_ID, "nope", "t", MANAGER, Map.of(), List.of(), null, null, null,
                            ACTOR))
                    .expectException(refusedBy(PipelineNotFound.class));
        }

        @Test
        void aHandedOffDealRemembersItsOriginAndOriginatingManager() {
            Map<String, String> fields = merged(proposalFields(), Map.of("contactName", "Іван"));
            demo().givenNoPriorActivity()
                    .when(new OpenDealCommand(DEAL_ID, "contracts", "Lathe", "lawyer-1", fields, List.of(), null,
                            "origin-deal", "olena", "system:handoff-service"))
                    .expectEvents(new DealOpened(DEAL_ID, "contracts", 1, "system:handoff-service", "Lathe",
                            "lawyer-1", "standard-contract-sent", fields, List.of(), null, "origin-deal", "olena"));
        }
    }

    @Nested
    class OpeningUnderAChosenId {

        private OpenDealIfAbsentCommand openIfAbsent(OpenDealCommand opening) {
            return new OpenDealIfAbsentCommand(opening.dealId(), opening);
        }

        @Test
        void aNewIdOpensTheDeal() {
            demo().givenNoPriorActivity()
                    .when(openIfAbsent(Deals.openSalesDeal(salesContact())))
                    .expectResultMessagePayload(new DealOpening(true, 0))
                    .expectEvents(salesDealOpened());
        }

        @Test
        void theSameRequestAgainOpensNothingAndAnswersTheDealAsItIsNow() {
            demo().given(salesDealOpened(), new DealTagged(DEAL_ID, "sales", 1, ACTOR, "tender"))
                    .when(openIfAbsent(Deals.openSalesDeal(salesContact())))
                    .expectResultMessagePayload(new DealOpening(false, 1))
                    .expectNoEvents();
        }

        @Test
        void blankFieldsAndRepeatedTagsDoNotMakeTheRequestDifferent() {
            Map<String, String> withBlank = new HashMap<>(salesContact());
            withBlank.put("budget", " ");
            OpenDealCommand repeat = new OpenDealCommand(DEAL_ID, "sales", "Токарний верстат для заводу", MANAGER,
                    withBlank, List.of("vip", "vip"), "crm-42", null, null, "someone-else");
            demo().given(salesDealOpened())
                    .when(openIfAbsent(repeat))
                    .expectResultMessagePayload(new DealOpening(false, 0))
                    .expectNoEvents();
        }

        @Test
        void aDifferentRequestForATakenIdIsRefused() {
            OpenDealCommand other = new OpenDealCommand(DEAL_ID, "sales", "Another title", MANAGER, salesContact(),
                    List.of("vip"), "crm-42", null, null, ACTOR);
            demo().given(salesDealOpened())
                    .when(openIfAbsent(other))
                    .expectException(refusedBy(DealIdTaken.class))
                    .expectNoEvents();
        }

        @Test
        void theOpeningRulesHoldUnderAChosenIdToo() {
            Map<String, String> noSource = new HashMap<>(salesContact());
            noSource.remove("source");
            demo().givenNoPriorActivity()
                    .when(openIfAbsent(Deals.openSalesDeal(noSource)))
                    .expectException(refusedBy(RequiredFieldsMissing.class))
                    .expectNoEvents();
        }
    }

    @Nested
    class MovingBetweenStages {

        @Test
        void movesOneStageForward() {
            demo().given(salesDealOpened())
                    .when(moveTo("needs-identified", null))
                    .expectException(refusedBy(RequiredFieldsMissing.class));
            demo().given(salesDealOpened(merged(salesContact(), Map.of("equipmentCategories", "lathes"))))
                    .when(moveTo("needs-identified", null))
                    .expectResultMessagePayload(1L)
                    .expectEvents(new DealStageChanged(DEAL_ID, "sales", 1, ACTOR, "new-inquiry",
                            "needs-identified", Direction.FORWARD, List.of(), null, MANAGER));
        }

        @Test
        void cannotSkipAStageInAStrictPipeline() {
            demo().given(salesDealOpened(merged(salesContact(), Map.of("equipmentCategories", "lathes"))))
                    .when(moveTo("finance-legal-check", "client is in a hurry"))
                    .expectException(refusedWith(new SkipNotAllowed(PipelineId.of("sales"),
                            StageId.of("finance-legal-check"), List.of(StageId.of("needs-identified")))))
                    .expectNoEvents();
        }

        @Test
        void skippingInAPipelineThatAllowsItNeedsAReason() {
            demo().given(openedIn("contracts", "standard-contract-sent", contractFields()))
                    .when(moveTo("contract-signed", " "))
                    .expectException(refusedBy(SkipReasonRequired.class))
                    .expectNoEvents();
        }

        @Test
        void aSkipWithAReasonRecordsTheSkippedStages() {
            demo().given(openedIn("contracts", "standard-contract-sent", contractFields()))
                    .when(moveTo("contract-signed", "standard contract accepted"))
                    .expectEvents(new DealStageChanged(DEAL_ID, "contracts", 1, ACTOR, "standard-contract-sent",
                            "contract-signed", Direction.FORWARD, List.of("contract-adaptation"),
                            "standard contract accepted", MANAGER));
        }

        @Test
        void cannotEnterAStageWithoutItsRequiredFields() {
            demo().given(salesDealOpened(), forward("sales", "new-inquiry", "needs-identified"),
                            forward("sales", "needs-identified", "finance-legal-check"),
                            forward("sales", "finance-legal-check", "proposal"))
                    .when(moveTo("proposal-sent", null))
                    .expectException(refusedBy(RequiredFieldsMissing.class))
                    .expectExceptionMessage(org.hamcrest.Matchers.containsString("installationAddress"))
                    .expectNoEvents();
        }

        @Test
        void aBackwardMoveNeedsAReason() {
            demo().given(salesDealOpened(), forward("sales", "new-inquiry", "needs-identified"))
                    .when(moveTo("new-inquiry", null))
                    .expectException(refusedBy(BackwardReasonRequired.class))
                    .expectNoEvents();
        }

        @Test
        void aBackwardMoveWithAReasonIsRecordedAsBackward() {
            demo().given(salesDealOpened(), forward("sales", "new-inquiry", "needs-identified"))
                    .when(moveTo("new-inquiry", "wrong contact"))
                    .expectEvents(new DealStageChanged(DEAL_ID, "sales", 1, ACTOR, "needs-identified",
                            "new-inquiry", Direction.BACKWARD, List.of(), "wrong contact", MANAGER));
        }

        @Test
        void aBackwardMoveIsRefusedWhereThePipelineForbidsIt() {
            demo().given(openedIn("delivery", "prepayment-invoice-sent", deliveryFields()),
                            forward("delivery", "prepayment-invoice-sent", "delivery-commissioning"))
                    .when(moveTo("prepayment-invoice-sent", "invoice was wrong"))
                    .expectException(refusedBy(BackwardMoveNotAllowed.class))
                    .expectNoEvents();
        }

        @Test
        void cannotMoveToAStageThePipelineDoesNotHave() {
            demo().given(salesDealOpened())
                    .when(moveTo("client-is-thinking", null))
                    .expectException(refusedBy(UnknownStage.class));
        }

        @Test
        void cannotMoveToTheStageTheDealIsIn() {
            demo().given(salesDealOpened())
                    .when(moveTo("new-inquiry", null))
                    .expectException(refusedBy(AlreadyInStage.class));
        }

        @Test
        void aStaleIfMatchVersionIsRefused() {
            demo().given(salesDealOpened(merged(salesContact(), Map.of("equipmentCategories", "lathes"))))
                    .when(new MoveDealToStageCommand(DEAL_ID, 7L, "needs-identified", null, ACTOR))
                    .expectException(org.axonframework.modelling.command.ConflictingAggregateVersionException.class);
        }
    }

    @Nested
    class PipelineVersions {

        @Test
        void aDealIsJudgedUnderTheLatestVersionWhenItsStageStillExists() {
            PipelineDefined v2 = Pipelines.defined("sales", 2, Pipelines.withStages(Pipelines.definition("sales"),
                    stages -> {
                        stages.set(1, withoutRequiredFields(stages.get(1)));
                        return stages;
                    }));
            fixture(Pipelines.sales(), v2).given(salesDealOpened())
                    .when(moveTo("needs-identified", null))
                    .expectEvents(new DealStageChanged(DEAL_ID, "sales", 2, ACTOR, "new-inquiry", "needs-identified",
                            Direction.FORWARD, List.of(), null, MANAGER));
        }

        @Test
        void aDealInAStageRemovedFromTheLatestVersionIsJudgedUnderItsOwnVersion() {
            PipelineDefined v2 = Pipelines.defined("sales", 2, Pipelines.withStages(Pipelines.definition("sales"),
                    stages -> {
                        stages.remove(0);
                        return stages;
                    }));
            fixture(Pipelines.sales(), v2)
                    .given(salesDealOpened(merged(salesContact(), Map.of("equipmentCategories", "lathes"))))
                    .when(moveTo("needs-identified", null))
                    .expectEvents(new DealStageChanged(DEAL_ID, "sales", 1, ACTOR, "new-inquiry", "needs-identified",
                            Direction.FORWARD, List.of(), null, MANAGER));
        }

        private static StageDefinition withoutRequiredFields(StageDefinition stage) {
            return new StageDefinition(stage.id(), stage.name(), List.of(), List.of(), stage.sla(), stage.task());
        }
    }

    @Nested
    class Closing {

        @Test
        void cannotWinBeforeTheLastStage() {
            demo().given(salesDealOpened())
                    .when(new MarkDealWonCommand(DEAL_ID, null, ACTOR))
                    .expectException(refusedBy(WonOnlyFromLastStage.class))
                    .expectNoEvents();
        }

        @Test
        void winsFromTheLastStage() {
            demo().given(openedIn("contracts", "standard-contract-sent", contractFields()),
                            forward("contracts", "standard-contract-sent", "contract-adaptation"),
                            forward("contracts", "contract-adaptation", "contract-signed"))
                    .when(new MarkDealWonCommand(DEAL_ID, null, ACTOR))
                    .expectEvents(new DealWon(DEAL_ID, "contracts", 1, ACTOR, "contract-signed", MANAGER));
        }

        @Test
        void aLostDealWithoutAReasonIsRefused() {
            demo().given(salesDealOpened())
                    .when(new MarkDealLostCommand(DEAL_ID, null, "", "went quiet", ACTOR))
                    .expectException(refusedBy(LossReasonRequired.class))
                    .expectNoEvents();
        }

        @Test
        void aLostDealWithAReasonOutsideThePipelinesListIsRefused() {
            demo().given(salesDealOpened())
                    .when(new MarkDealLostCommand(DEAL_ID, null, "client-is-thinking", "will call back", ACTOR))
                    .expectException(refusedBy(UnknownLossReason.class))
                    .expectNoEvents();
        }

        @Test
        void aLostDealWithoutACommentIsRefused() {
            demo().given(salesDealOpened())
                    .when(new MarkDealLostCommand(DEAL_ID, null, "price", "  ", ACTOR))
                    .expectException(refusedBy(LossCommentRequired.class))
                    .expectNoEvents();
        }

        @Test
        void aLostDealRecordsTheStageItWasLostAt() {
            demo().given(salesDealOpened(), forward("sales", "new-inquiry", "needs-identified"))
                    .when(new MarkDealLostCommand(DEAL_ID, null, "finance-check-refused", "bank said no", ACTOR))
                    .expectEvents(new DealLost(DEAL_ID, "sales", 1, ACTOR, "needs-identified", MANAGER,
                            "finance-check-refused", "bank said no"));
        }

        @Test
        void aClosedDealRefusesEveryChange() {
            DealLost lost = new DealLost(DEAL_ID, "sales", 1, ACTOR, "new-inquiry", MANAGER, "price", "too dear");
            List<Object> commands = List.of(
                    moveTo("needs-identified", null),
                    new UpdateDealFieldsCommand(DEAL_ID, null, Map.of("amount", "1"), ACTOR),
                    new ReassignDealManagerCommand(DEAL_ID, null, "taras", ACTOR),
                    new ChangeDealTagsCommand(DEAL_ID, null, List.of("x"), List.of(), ACTOR),
                    new AttachDocumentCommand(DEAL_ID, null, "scan", "s3://b/k", "application/pdf", ACTOR),
                    new MarkDealWonCommand(DEAL_ID, null, ACTOR),
                    new MarkDealLostCommand(DEAL_ID, null, "price", "again", ACTOR));
            for (Object command : commands) {
                demo().given(salesDealOpened(), lost)
                        .when(command)
                        .expectException(refusedBy(DealClosed.class))
                        .expectNoEvents();
            }
        }
    }

    @Nested
    class FieldsTagsAttachmentsAndManagers {

        @Test
        void clearingAFieldTheCurrentStageRequiresIsRefused() {
            Map<String, String> clearSource = new HashMap<>();
            clearSource.put("source", null);
            demo().given(salesDealOpened())
                    .when(new UpdateDealFieldsCommand(DEAL_ID, null, clearSource, ACTOR))
                    .expectException(refusedWith(new RequiredFieldsCleared(StageId.of("new-inquiry"), List.of("source"))))
                    .expectNoEvents();
        }

        @Test
        void onlyChangedFieldsAreRecordedAndABlankValueClearsAField() {
            Map<String, String> update = new HashMap<>();
            update.put("contactName", "Іван Петренко");
            update.put("amount", "125000");
            update.put("email", "");
            demo().given(salesDealOpened(merged(salesContact(), Map.of("email", "ivan@example.com"))))
                    .when(new UpdateDealFieldsCommand(DEAL_ID, null, update, ACTOR))
                    .expectEvents(new DealFieldsUpdated(DEAL_ID, "sales", 1, ACTOR, nullable("amount", "125000",
                            "email", null)));
        }

        @Test
        void anUpdateThatChangesNothingRecordsNothing() {
            demo().given(salesDealOpened())
                    .when(new UpdateDealFieldsCommand(DEAL_ID, null, Map.of("source", "web form"), ACTOR))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void tagsAreAddedOnceAndRemovedOnlyWhenPresent() {
            demo().given(salesDealOpened())
                    .when(new ChangeDealTagsCommand(DEAL_ID, null, List.of("vip", "tender", "tender"),
                            List.of("vip", "absent"), ACTOR))
                    .expectEvents(new DealTagged(DEAL_ID, "sales", 1, ACTOR, "tender"),
                            new DealUntagged(DEAL_ID, "sales", 1, ACTOR, "vip"));
        }

        @Test
        void attachesADocumentReference() {
            demo().given(salesDealOpened())
                    .when(new AttachDocumentCommand(DEAL_ID, null, "Signed NDA", "s3://docs/nda.pdf",
                            "application/pdf", ACTOR))
                    .expectEvents(new DealDocumentAttached(DEAL_ID, "sales", 1, ACTOR, "Signed NDA",
                            "s3://docs/nda.pdf", "application/pdf"));
        }

        @Test
        void reassignsTheManagerAndRecordsBoth() {
            demo().given(salesDealOpened())
                    .when(new ReassignDealManagerCommand(DEAL_ID, null, "taras", ACTOR))
                    .expectEvents(new DealManagerReassigned(DEAL_ID, "sales", 1, ACTOR, MANAGER, "taras"));
        }

        @Test
        void reassigningToTheSameManagerRecordsNothing() {
            demo().given(salesDealOpened())
                    .when(new ReassignDealManagerCommand(DEAL_ID, null, MANAGER, ACTOR))
                    .expectNoEvents();
        }
    }

    private static Map<String, String> contractFields() {
        return merged(proposalFields(), Map.of("contractNumber", "C-1", "invoiceNumber", "INV-1"));
    }

    private static Map<String, String> deliveryFields() {
        return Map.of("contractNumber", "C-1", "invoiceNumber", "INV-1");
    }

    private static Map<String, String> nullable(String k1, String v1, String k2, String v2) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        map.put(k1, v1);
        map.put(k2, v2);
        return map;
    }
}
