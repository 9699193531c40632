package dev.lockstep.runtime.hardware;

/** The machine's CPU model (as the kernel names it) and its logical processor count. */
public record CpuInfo(String model, int count) {}
