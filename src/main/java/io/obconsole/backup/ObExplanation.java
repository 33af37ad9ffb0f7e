package io.obconsole.backup;

/** An OceanBase error in an operator's words: what it means and what to do next. */
public record ObExplanation(String explanation, String nextStep) {
}
