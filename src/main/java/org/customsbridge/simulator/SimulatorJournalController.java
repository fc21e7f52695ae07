package org.customsbridge.simulator;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /simulator/journal}: the calls the simulator answered, for demos and tests. */
@RestController
public class SimulatorJournalController {

    private final SimulatorJournal journal;

    public SimulatorJournalController(SimulatorJournal journal) {
        this.journal = journal;
    }

    @GetMapping("/simulator/journal")
    public List<SimulatorJournal.Entry> journal(@RequestParam(required = false) String operation) {
        return operation == null ? journal.entries() : journal.entries(operation);
    }
}
