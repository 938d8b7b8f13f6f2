package dev.livelens.social;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** One address's likes and follows: a burst of 200, then 20 a second; other addresses are not held up. */
class ChangeBudgetsTest {

  @Test
  void anAddressGetsItsBurstThenTwentyASecond() {
    ChangeBudgets budgets = new ChangeBudgets();
    long start = 1_000_000_000L;
    for (int i = 0; i < ChangeBudgets.BURST; i++) {
      assertTrue(budgets.tryTake("10.0.0.1", start), "change " + i);
    }
    assertFalse(budgets.tryTake("10.0.0.1", start));
    assertTrue(budgets.tryTake("10.0.0.2", start), "another address has its own budget");
    long second = start + 1_000_000_000L;
    for (int i = 0; i < 20; i++) {
      assertTrue(budgets.tryTake("10.0.0.1", second), "refilled change " + i);
    }
    assertFalse(budgets.tryTake("10.0.0.1", second));
  }
}
