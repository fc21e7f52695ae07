package org.customsbridge.simulator;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /simulator/journal}: the calls the simulator answered, for demos and tests, without buyer identities. */
@RestController
public class SimulatorJournalController {

    private final SimulatorJournal journal;

    public SimulatorJournalController(SimulatorJournal journal) {
        this.journal = journal;
    }

    @GetMapping("/simulator/journal")
    public List<SimulatorJournal.Entry> journal(@RequestParam(required = false) String operation) {
        // the buyer's identity is personal data even in a trial run: the journal shows where it was, not what
        return (operation == null ? journal.entries() : journal.entries(operation)).stream()
                .map(SimulatorJournal.Entry::withoutPersonalData).toList();
    }
}
