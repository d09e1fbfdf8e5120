package io.dealflow.local.demo;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * A won sales deal after handoff: contracts (where a reason lets a standard contract skip legal's adaptation),
 * then delivery (STRICT, no way back) until the final payment. The receiving manager acts, as in real life.
 */
final class DownstreamJourney {

    private final DealActions act;
    private final Random random;

    DownstreamJourney(DealActions act) {
        this.act = act;
        this.random = act.random();
    }

    void run(String wonSalesDeal) throws IOException, InterruptedException {
        Optional<DealActions.Handoff> contract = act.awaitHandoff(wonSalesDeal);
        if (contract.isEmpty()) {
            return;
        }
        String deal = contract.get().targetDealId();
        String me = contract.get().receiverId();
        if (!contracts(deal, me)) {
            return;
        }
        Optional<DealActions.Handoff> delivery = act.awaitHandoff(deal);
        if (delivery.isPresent()) {
            delivery(delivery.get().targetDealId(), delivery.get().receiverId());
        }
    }

    /** @return whether the contract was signed and the deal won in contracts */
    private boolean contracts(String deal, String me) throws IOException, InterruptedException {
        act.pause(500, 2000);
        int path = random.nextInt(20);
        if (path < 3) {
            act.lose(deal, me, "contract-terms-not-agreed", "Client insists on 100% post-payment");
            return false;
        }
        act.fill(deal, me, Map.of("contractNumber", "C-" + (10000 + random.nextInt(90000)),
                "invoiceNumber", "INV-" + (10000 + random.nextInt(90000))));
        if (path < 12) {
            act.moveWithReason(deal, me, "contract-signed", "Client accepted the standard contract", "skips");
        } else {
            act.move(deal, me, "contract-adaptation");
            act.pause(500, 2000);
            if (path < 14) {
                act.moveWithReason(deal, me, "standard-contract-sent", "Legal's revision rejected; back to standard",
                        "backward");
                act.pause(300, 1000);
                act.moveWithReason(deal, me, "contract-signed", "Client signed the standard contract after all",
                        "skips");
            } else {
                act.move(deal, me, "contract-signed");
            }
        }
        act.pause(500, 1500);
        act.win(deal, me);
        return true;
    }

    private void delivery(String deal, String me) throws IOException, InterruptedException {
        act.pause(500, 2000);
        act.move(deal, me, "delivery-commissioning");
        act.pause(500, 2000);
        if (random.nextInt(10) == 0) {
            act.lose(deal, me, "delivery-terms", "Installation slot did not suit the plant");
            return;
        }
        act.move(deal, me, "acceptance");
        act.pause(300, 1200);
        act.fill(deal, me, Map.of("acceptanceDocs", "s3://docs/acceptance-" + deal + ".pdf"));
        act.move(deal, me, "awaiting-final-payment");
        act.pause(500, 2000);
        act.win(deal, me);
    }
}
