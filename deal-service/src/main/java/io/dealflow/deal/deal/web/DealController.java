package io.dealflow.deal.deal.web;

import io.dealflow.api.ProblemTypes;
import io.dealflow.deal.access.DealDepartments;
import io.dealflow.deal.deal.command.AttachDocumentCommand;
import io.dealflow.deal.deal.command.ChangeDealTagsCommand;
import io.dealflow.deal.deal.command.DealStatus;
import io.dealflow.deal.deal.command.MarkDealLostCommand;
import io.dealflow.deal.deal.command.MarkDealWonCommand;
import io.dealflow.deal.deal.command.MoveDealToStageCommand;
import io.dealflow.deal.deal.command.DealOpening;
import io.dealflow.deal.deal.command.OpenDealIfAbsentCommand;
import io.dealflow.deal.deal.command.ReassignDealManagerCommand;
import io.dealflow.deal.deal.command.UpdateDealFieldsCommand;
import io.dealflow.deal.deal.query.DealBoard;
import io.dealflow.deal.deal.query.DealBoardQuery;
import io.dealflow.deal.deal.query.DealHistory;
import io.dealflow.platform.paging.Page;
import io.dealflow.deal.deal.query.DealView;
import io.dealflow.deal.deal.query.HistoryEntry;
import io.dealflow.platform.problem.NotFoundException;
import io.dealflow.platform.security.Actor;
import io.dealflow.platform.security.Caller;
import io.dealflow.platform.web.EntityVersions;
import io.dealflow.platform.web.ExpectedVersion;
import io.dealflow.platform.web.idempotency.IdempotentRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Translates HTTP to deal commands and queries; every decision is the {@code Deal} aggregate's. Who may call what is
 * deal-service's access table's ({@code DealServiceAccess}); the actor comes from the token.
 */
@RestController
@RequestMapping("/api/v1/deals")
class DealController {

    private final DealCommandSender commands;
    private final DealBoard board;
    private final DealHistory history;
    private final DealDepartments departments;

    DealController(DealCommandSender commands, DealBoard board, DealHistory history, DealDepartments departments) {
        this.commands = commands;
        this.board = board;
        this.history = history;
        this.departments = departments;
    }

    /**
     * Under an {@code Idempotency-Key} the new deal's id is derived from the caller's key, so a run of the request
     * that takes over an abandoned one (its instance died after opening the deal, before the answer was stored)
     * finds that deal instead of opening a second one; without a key every request opens a new deal.
     */
    @PostMapping
    ResponseEntity<DealView> open(@Valid @RequestBody OpenDealRequest request, Caller caller, Actor actor) {
        departments.requirePipeline(caller, request.pipelineId());
        Optional<IdempotentRequest> idempotent = IdempotentRequest.current();
        if (idempotent.isPresent()) {
            String dealId = RequestDealIds.of(idempotent.get());
            DealOpening opening = commands.openIfAbsent(new OpenDealIfAbsentCommand(dealId,
                    request.toCommand(dealId, actor.person())), actor);
            return respond(dealId, opening.version(), HttpStatus.CREATED);
        }
        String dealId = UUID.randomUUID().toString();
        commands.open(dealId, request.toCommand(dealId, actor.person()), actor);
        return respond(dealId, 0, HttpStatus.CREATED);
    }

    /**
     * Opens a deal under the id the caller chose (a system whose retries must never open a second deal), or answers
     * the deal already opened under it by the same request: 201 the first time, 200 after.
     */
    @PutMapping("/{dealId}")
    ResponseEntity<DealView> openWithId(
            @PathVariable @Pattern(regexp = DealInputLimits.DEAL_ID, message = DealInputLimits.DEAL_ID_MESSAGE)
            String dealId, @Valid @RequestBody OpenDealRequest request, Caller caller, Actor actor) {
        departments.requirePipeline(caller, request.pipelineId());
        DealOpening opening = commands.openIfAbsent(new OpenDealIfAbsentCommand(dealId,
                request.toCommand(dealId, actor.person())), actor);
        return respond(dealId, opening.version(), opening.created() ? HttpStatus.CREATED : HttpStatus.OK);
    }

    @GetMapping("/{dealId}")
    ResponseEntity<DealView> get(@PathVariable String dealId) {
        DealView deal = board.find(dealId).orElseThrow(() -> dealNotFound(dealId));
        return ResponseEntity.ok().eTag(EntityVersions.etag(deal.version())).body(deal);
    }

    /** Only the pipelines of the caller's departments. */
    @GetMapping
    Page<DealView> board(Caller caller,
                   @RequestParam(required = false) String pipelineId,
                   @RequestParam(required = false) String stageId,
                   @RequestParam(required = false) String managerId,
                   @RequestParam(defaultValue = "OPEN") DealStatus status,
                   @RequestParam(defaultValue = "0") @Min(0) int page,
                   @RequestParam(defaultValue = "50") @Min(1) @Max(DealInputLimits.PAGE_SIZE) int size) {
        return board.page(new DealBoardQuery(pipelineId, departments.pipelinesOf(caller.departments()).orElse(null),
                stageId, managerId, status, page, size));
    }

    @GetMapping("/{dealId}/history")
    List<HistoryEntry> history(@PathVariable String dealId) {
        List<HistoryEntry> entries = history.of(dealId);
        if (entries.isEmpty()) {
            throw dealNotFound(dealId);
        }
        return entries;
    }

    /** A JSON object of field values, merge-patch style: a null or blank value clears the field. */
    @PatchMapping("/{dealId}/fields")
    ResponseEntity<DealView> updateFields(
            @PathVariable String dealId,
            @RequestBody @Size(max = DealInputLimits.FIELDS) Map<
                    @Pattern(regexp = DealInputLimits.FIELD_NAME, message = DealInputLimits.FIELD_NAME_MESSAGE) String,
                    @Size(max = DealInputLimits.FIELD_VALUE) String> fields,
            ExpectedVersion expected, Actor actor) {
        return send(dealId, new UpdateDealFieldsCommand(dealId, expected.version(), fields,
                actor.person()), actor);
    }

    @PostMapping("/{dealId}/stage")
    ResponseEntity<DealView> moveToStage(
            @PathVariable String dealId, @Valid @RequestBody MoveStageRequest request,
            ExpectedVersion expected, Actor actor) {
        return send(dealId, new MoveDealToStageCommand(dealId, expected.version(),
                request.stageId(), request.reason(), actor.person()), actor);
    }

    @PostMapping("/{dealId}/manager")
    ResponseEntity<DealView> reassign(
            @PathVariable String dealId, @Valid @RequestBody ReassignManagerRequest request,
            ExpectedVersion expected, Actor actor) {
        return send(dealId, new ReassignDealManagerCommand(dealId, expected.version(),
                request.managerId(), actor.person()), actor);
    }

    @PostMapping("/{dealId}/tags")
    ResponseEntity<DealView> changeTags(
            @PathVariable String dealId, @Valid @RequestBody ChangeTagsRequest request,
            ExpectedVersion expected, Actor actor) {
        return send(dealId, new ChangeDealTagsCommand(dealId, expected.version(),
                request.add(), request.remove(), actor.person()), actor);
    }

    @PostMapping("/{dealId}/attachments")
    ResponseEntity<DealView> attach(
            @PathVariable String dealId, @Valid @RequestBody AttachDocumentRequest request,
            ExpectedVersion expected, Actor actor) {
        return send(dealId, new AttachDocumentCommand(dealId, expected.version(),
                request.name(), request.uri(), request.contentType(), actor.person()), actor);
    }

    @PostMapping("/{dealId}/won")
    ResponseEntity<DealView> won(
            @PathVariable String dealId,
            ExpectedVersion expected, Actor actor) {
        return send(dealId, new MarkDealWonCommand(dealId, expected.version(),
                actor.person()), actor);
    }

    @PostMapping("/{dealId}/lost")
    ResponseEntity<DealView> lost(
            @PathVariable String dealId, @Valid @RequestBody MarkLostRequest request,
            ExpectedVersion expected, Actor actor) {
        return send(dealId, new MarkDealLostCommand(dealId, expected.version(),
                request.reasonCode(), request.comment(), actor.person()), actor);
    }

    private ResponseEntity<DealView> send(String dealId, Object command, Actor actor) {
        return respond(dealId, commands.send(dealId, command, actor), HttpStatus.OK);
    }

    /**
     * The deal as the board shows it: the board is written in the command's own transaction (a subscribing
     * processor), so it already reflects this command, and so does any read that follows.
     */
    private ResponseEntity<DealView> respond(String dealId, long version, HttpStatus status) {
        DealView deal = board.find(dealId).filter(found -> found.version() >= version)
                .orElseThrow(() -> new IllegalStateException("The board does not show version " + version
                        + " of deal " + dealId + " although the command committed it"));
        return ResponseEntity.status(status).location(URI.create("/api/v1/deals/" + dealId))
                .eTag(EntityVersions.etag(deal.version())).body(deal);
    }

    private static NotFoundException dealNotFound(String dealId) {
        return new NotFoundException(ProblemTypes.DEAL_NOT_FOUND, "There is no deal " + dealId + ".");
    }
}
