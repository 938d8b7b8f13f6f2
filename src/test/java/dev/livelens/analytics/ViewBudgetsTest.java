package dev.livelens.analytics;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** One address opens its burst of views, then one a second; another address is not held back by it. */
class ViewBudgetsTest {

  @Test
  void anAddressGetsItsBurstThenOneViewASecond() {
    ViewBudgets budgets = new ViewBudgets();
    long now = 1_000_000;
    for (int i = 0; i < ViewBudgets.PER_ADDRESS; i++) {
      assertTrue(budgets.tryTake("203.0.113.7", now), "view " + i);
    }
    assertFalse(budgets.tryTake("203.0.113.7", now), "the burst is spent");
    assertTrue(budgets.tryTake("198.51.100.9", now), "another address has its own");
    assertFalse(budgets.tryTake("203.0.113.7", now + ViewBudgets.REFILL_MS / 2));
    assertTrue(budgets.tryTake("203.0.113.7", now + ViewBudgets.REFILL_MS * 3 / 2));
    assertFalse(budgets.tryTake("203.0.113.7", now + ViewBudgets.REFILL_MS * 3 / 2));
  }
}
