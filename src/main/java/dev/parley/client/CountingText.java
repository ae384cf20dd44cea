package dev.parley.client;

/**
 * A string that allows only so many character reads, so that a regular expression running over it
 * cannot take quadratic time on hostile input. Past the budget, {@link #charAt} throws {@link
 * BudgetExceeded}.
 */
final class CountingText implements CharSequence {
  /** Thrown when the budget is spent. Shared and without a stack trace: it is control flow. */
  static final class BudgetExceeded extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final BudgetExceeded INSTANCE = new BudgetExceeded();

    private BudgetExceeded() {
      super("character read budget exceeded", null, false, false);
    }
  }

  private final String text;
  private long remaining;

  CountingText(String text, long budget) {
    this.text = text;
    this.remaining = budget;
  }

  @Override
  public char charAt(int index) {
    if (--remaining < 0) {
      throw BudgetExceeded.INSTANCE;
    }
    return text.charAt(index);
  }

  @Override
  public int length() {
    return text.length();
  }

  @Override
  public CharSequence subSequence(int start, int end) {
    return text.substring(start, end);
  }

  @Override
  public String toString() {
    return text;
  }
}
