package org.customsbridge.operations;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.customsbridge.ledger.DeclarationStatus;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/declarations}: what the ledger knows about declarations; and one operator action, a
 * declaration's re-declaration to customs by its gateway.
 */
@RestController
@RequestMapping(path = "/api/declarations", produces = "application/json")
@Tag(name = "Declarations", description = "The declaration ledger: status, Alipay and customs results, history")
public class DeclarationsController {

    static final int MAX_SIZE = 500;

    private final DeclarationQueries queries;
    private final Redeclarations redeclarations;

    public DeclarationsController(DeclarationQueries queries, Redeclarations redeclarations) {
        this.queries = queries;
        this.redeclarations = redeclarations;
    }

    @GetMapping("/{declarationRequestId}")
    @Operation(summary = "One declaration with its full status history (oldest change first)")
    @ApiResponse(responseCode = "200", description = "The ledger row",
            content = @Content(schema = @Schema(implementation = DeclarationView.class)))
    @ApiResponse(responseCode = "404", description = "The ledger has no declaration with this id",
            content = @Content(schema = @Schema(example = "{\"error\":\"not found\",\"declarationRequestId\":\"DEC-1\"}")))
    public ResponseEntity<?> declaration(@PathVariable String declarationRequestId) {
        return queries.find(declarationRequestId).<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> {
                    Map<String, String> body = new LinkedHashMap<>();
                    body.put("error", "not found");
                    body.put("declarationRequestId", declarationRequestId);
                    return ResponseEntity.status(HttpStatus.NOT_FOUND).body(body);
                });
    }

    @PostMapping("/{declarationRequestId}/redeclare")
    @Operation(summary = "Asks the gateway to push the declaration it holds to customs again (WeChat Pay's "
            + "re-declaration, for data lost between it and customs; customs state SUCCESS or EXCEPT)")
    @ApiResponse(responseCode = "200", description = "The gateway took it; a status event with code REDECLARED says so",
            content = @Content(schema = @Schema(example = "{\"declarationRequestId\":\"WX-1\",\"result\":"
                    + "\"REDECLARED\",\"code\":\"SUCCESS\",\"message\":\"re-declared to customs HANGZHOU_ZS on an "
                    + "operator's request; state=SUBMITTED\"}")))
    @ApiResponse(responseCode = "404", description = "The ledger has no declaration with this id")
    @ApiResponse(responseCode = "409", description = "Its gateway has no re-declaration, its customs state allows "
            + "none, or the gateway refused (its code and text in the body)")
    @ApiResponse(responseCode = "502", description = "No trustworthy answer from the gateway; nothing changed")
    public ResponseEntity<Map<String, String>> redeclare(@PathVariable String declarationRequestId) {
        Redeclarations.Result result = redeclarations.redeclare(declarationRequestId);
        Map<String, String> body = new LinkedHashMap<>();
        body.put("declarationRequestId", result.declarationRequestId());
        body.put("result", result.kind().name());
        if (result.code() != null) {
            body.put("code", result.code());
        }
        if (result.message() != null) {
            body.put("message", result.message());
        }
        HttpStatus status = switch (result.kind()) {
            case REDECLARED -> HttpStatus.OK;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case NOT_REDECLARABLE, REFUSED -> HttpStatus.CONFLICT;
            case UNANSWERED -> HttpStatus.BAD_GATEWAY;
        };
        return ResponseEntity.status(status).body(body);
    }

    @GetMapping
    @Operation(summary = "Declarations, most recently updated first, one page at a time")
    @ApiResponse(responseCode = "200", description = "One page and the number of all matching declarations")
    @ApiResponse(responseCode = "400", description = "A parameter is not valid; the body names it")
    public DeclarationPage declarations(
            @Parameter(description = "only this status, e.g. CUSTOMS_PENDING (DECLARING: a call in flight)")
            @RequestParam(required = false) String status,
            @Parameter(description = "only declarations updated at or after this time (ISO-8601, e.g. "
                    + "2026-11-24T00:00:00Z or 2026-11-24T08:00:00+08:00; a date means its start in UTC)")
            @RequestParam(required = false) String since,
            @Parameter(description = "page number, from 0") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "page size, 1 to " + MAX_SIZE) @RequestParam(defaultValue = "50") int size) {
        if (page < 0) {
            throw new BadParameterException("page", "must be 0 or more, was " + page);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new BadParameterException("size", "1 to " + MAX_SIZE + ", was " + size);
        }
        return queries.page(status(status), since(since), page, size);
    }

    static DeclarationStatus status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return DeclarationStatus.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadParameterException("status", "not a status: \"" + value + "\"; one of "
                    + Arrays.stream(DeclarationStatus.values()).map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    static Instant since(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        // An unencoded "+" of an offset arrives as a space; ISO-8601 has no spaces, so put it back.
        String text = value.strip().replace(' ', '+');
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadParameterException("since", "not an ISO-8601 time such as 2026-11-24T00:00:00Z: \""
                    + value + "\"");
        }
    }
}
