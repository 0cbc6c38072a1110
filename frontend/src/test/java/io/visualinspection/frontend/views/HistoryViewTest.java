package io.visualinspection.frontend.views;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.html.Span;
import io.visualinspection.frontend.service.GatewayException;
import io.visualinspection.frontend.service.HistoryGateway.DecisionFilter;
import io.visualinspection.model.InspectionRecord;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The history: newest first, filtered by decision, refreshed when new inspections arrive. */
class HistoryViewTest extends UiTest {

    HistoryView view;

    @BeforeEach
    void threeInspections() {
        history.records.add(Samples.record("id-3", false));
        history.records.add(Samples.record("id-2", true));
        history.records.add(Samples.record("id-1", false));
        view = navigate(HistoryView.class);
    }

    String decisionOf(int row) {
        return ((Span) test(view.grid).getCellComponent(row, 2)).getText();
    }

    @Test
    void theNewestComeFirstWithTheirDecision() {
        assertThat(test(view.grid).size()).isEqualTo(3);
        assertThat(test(view.grid).getRow(0).id()).isEqualTo("id-3");
        assertThat(decisionOf(0)).isEqualTo("NOK");
        assertThat(decisionOf(1)).isEqualTo("OK");
        assertThat(test(view.grid).getCellText(0, 3)).isEqualTo("demo-cat / cat-centred · 0/1 items");
        assertThat(test(view.grid).getCellText(0, 4)).isEqualTo("812 ms");
        assertThat(view.count.getText()).isEqualTo("3 inspections");
    }

    @Test
    void theFilterShowsOnlyOneDecision() {
        test(view.filter).select(2);
        assertThat(test(view.grid).size()).isEqualTo(2);
        assertThat(history.asked).contains(DecisionFilter.NOK);
        assertThat(decisionOf(0)).isEqualTo("NOK");
        assertThat(decisionOf(1)).isEqualTo("NOK");
        test(view.filter).select(1);
        assertThat(test(view.grid).size()).isEqualTo(1);
        assertThat(test(view.grid).getRow(0).id()).isEqualTo("id-2");
    }

    @Test
    void anOverruledInspectionCountsByTheOperatorsVerdict() {
        InspectionRecord r = Samples.record("id-4", false);
        history.records.add(0, r.withOverrule(new InspectionRecord.Overrule(true, "Anna", null, Instant.now())));
        test(view.filter).select(1);
        assertThat(test(view.grid).getRow(0).id()).isEqualTo("id-4");
        assertThat(decisionOf(0)).isEqualTo("OK (overruled)");
    }

    @Test
    void newInspectionsAppearWithoutReloading() {
        tick();
        assertThat(test(view.grid).size()).isEqualTo(3);
        history.records.add(0, Samples.record("id-4", true));
        tick();
        assertThat(test(view.grid).size()).isEqualTo(4);
        assertThat(test(view.grid).getRow(0).id()).isEqualTo("id-4");
        assertThat(view.updated.getText()).startsWith("Updated ");
    }

    @Test
    void aBackendThatCannotBeAskedIsAMessage() {
        history.failure = new GatewayException("The inspection service (backend) cannot be reached. Check that it "
                + "is running (Status page).", null);
        tick();
        assertThat(view.error.isVisible()).isTrue();
        assertThat(view.error.getText()).isEqualTo("The history cannot be shown: The inspection service (backend) "
                + "cannot be reached. Check that it is running (Status page).");
        history.failure = null;
        tick();
        assertThat(view.error.isVisible()).isFalse();
    }

    @Test
    void clickingARowOpensTheInspection() {
        test(view.grid).clickRow(1);
        assertThat(getCurrentView()).isInstanceOf(InspectionDetailView.class);
        assertThat(((InspectionDetailView) getCurrentView()).json.getText()).contains("id-2");
    }
}
