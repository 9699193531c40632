package dev.lockstep.runtime;

import dev.lockstep.runtime.environment.JobEnvironment;
import dev.lockstep.runtime.failure.CellMarker;
import dev.lockstep.runtime.failure.FailureDiagnosis;
import dev.lockstep.runtime.hardware.MachineHardware;
import dev.lockstep.runtime.inputs.VerifiedInput;
import dev.lockstep.runtime.interpreter.InterpreterReport;
import dev.lockstep.runtime.record.RunRecord;
import dev.lockstep.jobformat.HardwareSpec;
import dev.lockstep.jobformat.JobSpec;
import dev.lockstep.jobformat.ParamValue;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Turns what a run learned into the parts of its {@link RunRecord}. */
final class RecordAssembly {

  private RecordAssembly() {}

  static RunRecord.Job job(String jobSha256, JobSpec spec) {
    return new RunRecord.Job(jobSha256,
        spec.source().map(s -> s.notebook()).orElse(null),
        spec.source().map(s -> s.sha256()).orElse(null));
  }

  static Map<String, Object> params(Map<String, ParamValue> params) {
    Map<String, Object> values = new TreeMap<>();
    params.forEach((name, param) -> values.put(name, param.value()));
    return values;
  }

  static Map<String, RunRecord.Input> inputs(List<VerifiedInput> inputs) {
    Map<String, RunRecord.Input> records = new TreeMap<>();
    for (VerifiedInput input : inputs) {
      records.put(input.name(), new RunRecord.Input(input.binding().path().toString(), input.sha256(), input.size(),
          input.binding().source().label()));
    }
    return records;
  }

  static RunRecord.Environment environment(JobEnvironment environment) {
    return new RunRecord.Environment(environment.determinism(), environment.influentialInherited(), environment.secretNames());
  }

  static RunRecord.Python python(InterpreterReport report) {
    Map<String, RunRecord.Module> modules = new TreeMap<>();
    report.modules().forEach((name, status) -> modules.put(name, new RunRecord.Module(status.distribution(), status.version())));
    return new RunRecord.Python(report.command(), report.executable(), report.version(), modules);
  }

  static RunRecord.Hardware hardware(MachineHardware machine, JobSpec spec, List<String> warnings) {
    RunRecord.Declared declared = spec.hardware()
        .map((HardwareSpec h) -> new RunRecord.Declared(h.accelerator().yamlName(), h.count()))
        .orElse(null);
    return new RunRecord.Hardware(machine.cpu(), machine.gpu(), declared, warnings);
  }

  static RunRecord.Failure failure(FailureDiagnosis diagnosis) {
    return new RunRecord.Failure(diagnosis.message(),
        diagnosis.cell().map(CellMarker::cell).orElse(null),
        diagnosis.cell().map(CellMarker::id).orElse(null),
        diagnosis.line().orElse(null),
        diagnosis.exception().orElse(null),
        List.of());
  }

  static RunRecord.Failure missingOutputs(List<String> missing, Map<String, RunRecord.Output> outputs) {
    StringBuilder message = new StringBuilder("the job exited 0 but did not write ");
    message.append(missing.size() == 1 ? "output " : "outputs ");
    for (int i = 0; i < missing.size(); i++) {
      message.append(i == 0 ? "" : ", ").append(missing.get(i)).append(" (").append(outputs.get(missing.get(i)).path()).append(')');
    }
    return new RunRecord.Failure(message.toString(), null, null, null, null, missing);
  }
}
