package io.polaroid.bench.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.trino.tpch.Order;
import io.trino.tpch.TpchTable;
import java.util.Iterator;
import org.junit.jupiter.api.Test;

class TpchWorkloadTest {
    @Test
    void theLookupKeyIsTheKeyDbgenGivesThatOrder() {
        // at scale factor 0.01 there are 15,000 orders; two thirds in is the 10,000th
        long key = TpchWorkload.orderKeyAtTwoThirds(0.01);
        Iterator<Order> orders = TpchTable.ORDERS.createGenerator(0.01, 1, 1).iterator();
        Order order = null;
        for (int i = 0; i < 10_000; i++) {
            order = orders.next();
        }
        assertEquals(order.getOrderKey(), key);
    }

    @Test
    void theLookupKeyAtScaleFactorOne() {
        assertEquals(4_000_000, TpchWorkload.orderKeyAtTwoThirds(1));
    }

    @Test
    void everyQueryNamesOnlyTablesTheDataHas() {
        Workload tpch = TpchWorkload.create(1);
        Workload trades = TradesWorkload.create(1_000);
        tpch.queries().forEach(q -> q.datasets().forEach(d ->
                assertEquals(true, java.util.Set.of("customer", "orders", "lineitem").contains(d), q.id())));
        trades.queries().forEach(q -> assertEquals(java.util.List.of("trades"), q.datasets(), q.id()));
    }
}
