package dev.lockstep.runtime;

import dev.lockstep.runtime.environment.JobEnvironment;
import dev.lockstep.runtime.hardware.MachineHardware;
import dev.lockstep.runtime.inputs.VerifiedInput;
import dev.lockstep.runtime.interpreter.InterpreterReport;
import dev.lockstep.jobformat.JobSpec;
import dev.lockstep.jobformat.ParamValue;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Everything checked before a run starts: the job, its resolved parameters, verified inputs,
 * environment, interpreter and hardware. Nothing has been written yet when this exists.
 *
 * @param jobDirectory the job directory's real path
 * @param jobSha256 the job hash (see {@link dev.lockstep.runtime.hashing.JobHash})
 * @param hardwareWarnings mismatches between declared and actual hardware, already accepted
 */
record PreparedRun(Path jobDirectory, String jobSha256, JobSpec spec, Map<String, ParamValue> params,
    List<VerifiedInput> inputs, JobEnvironment environment, InterpreterReport python, MachineHardware machine,
    List<String> hardwareWarnings) {}
