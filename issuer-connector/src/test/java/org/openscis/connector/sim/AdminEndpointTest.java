package org.openscis.connector.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AdminEndpointTest {

    @Test
    void remotePeersAreRefusedBeforeAnythingHappens() {
        FaultPlan plan = new FaultPlan(List.of(FaultRule.drop(null, false)), 1);
        AdminEndpoint admin = new AdminEndpoint(null, plan);
        SimAction.Reply reply = admin.handle(new SimRequest("DELETE", "/sim/faults", null, new byte[0], true, false,
                false, false));
        assertThat(reply.status()).isEqualTo(403);
        assertThat(plan.list()).hasSize(1);
    }
}
