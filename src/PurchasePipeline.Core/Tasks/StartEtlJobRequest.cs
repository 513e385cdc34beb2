using System.Text.Json.Serialization;

namespace PurchasePipeline.Core.Tasks;

/// <summary>The StartEtlJob state's parameters.</summary>
/// <param name="JobName">The Glue job (required).</param>
/// <param name="RawObject">The object that started the execution, <c>object</c> in JSON (informational).</param>
/// <param name="ExecutionInput">The execution's input; only <c>rerun.resetBookmark</c> is read. Absent means a normal run.</param>
public sealed record StartEtlJobRequest(
    string? JobName,
    [property: JsonPropertyName("object")] ObjectRef? RawObject,
    ExecutionInput? ExecutionInput);

/// <summary>An S3 object, as the Initialize state picks it from the event.</summary>
public sealed record ObjectRef(string? Bucket, string? Key);

/// <summary>The part of the execution input (the S3 Object Created event) a task reads; the rest is ignored.</summary>
/// <param name="Rerun">Present on a manual re-run that asks for more than the same input.</param>
public sealed record ExecutionInput(RerunOptions? Rerun);

/// <summary>Options of a manual re-run.</summary>
/// <param name="ResetBookmark">True to reset the job bookmark so the run reprocesses every raw object.</param>
public sealed record RerunOptions(bool? ResetBookmark);
