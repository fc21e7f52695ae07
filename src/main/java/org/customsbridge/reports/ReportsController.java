package org.customsbridge.reports;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.customsbridge.operations.BadParameterException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/reports/reconciliation?date=YYYY-MM-DD}: writes a day's report now. */
@RestController
@RequestMapping(path = "/api/reports", produces = "application/json")
@Tag(name = "Reports", description = "Reconciliation reports written to the outbox")
public class ReportsController {

    private final ReconciliationReports reports;

    public ReportsController(ReconciliationReports reports) {
        this.reports = reports;
    }

    @PostMapping("/reconciliation")
    @Operation(summary = "Writes (or rewrites) the reconciliation report of one day and says where")
    @ApiResponse(responseCode = "200", description = "The files written and the day's totals")
    @ApiResponse(responseCode = "400", description = "date is missing or not YYYY-MM-DD")
    public ReconciliationReports.Written reconciliation(
            @Parameter(description = "the day, e.g. 2026-11-24 (in customs.report.time-zone)")
            @RequestParam String date) {
        try {
            return reports.write(LocalDate.parse(date.strip()));
        } catch (DateTimeParseException e) {
            throw new BadParameterException("date", "not a date such as 2026-11-24: \"" + date + "\"");
        }
    }
}
