package dev.hato.sms.loadtest.measure;

/** One gate of a run's verdict: its name, whether it held, and the figures that say so. */
public record Check(String name, boolean ok, String detail) {}
