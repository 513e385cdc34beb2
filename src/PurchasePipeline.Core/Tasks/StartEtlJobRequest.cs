using System.Text.Json.Serialization;

namespace PurchasePipeline.Core.Tasks;

/// <summary>The StartEtlJob state's parameters.</summary>
/// <param name="JobName">The Glue job (required).</param>
/// <param name="RawObject">The object that started the execution, <c>object</c> in JSON: the run that reads it is joined.</param>
/// <param name="ExecutionInput">The execution's input: the Object Created event (its time and the object's etag) and <c>rerun.resetBookmark</c>. Absent means a normal run.</param>
/// <param name="Round">How many times this execution has been at StartEtlJob before (0 the first time; the definition goes back when a run ended without reading the object).</param>
public sealed record StartEtlJobRequest(
    string? JobName,
    [property: JsonPropertyName("object")] ObjectRef? RawObject,
    ExecutionInput? ExecutionInput,
    int? Round = null);

/// <summary>An S3 object, as the Initialize state picks it from the event.</summary>
public sealed record ObjectRef(string? Bucket, string? Key);

/// <summary>The part of the execution input (the S3 Object Created event) a task reads; the rest is ignored.</summary>
/// <param name="Rerun">Present on a manual re-run that asks for more than the same input.</param>
/// <param name="Time">The event's time: when S3 created the object (whole seconds).</param>
/// <param name="Detail">The event's detail; only <c>object.etag</c> is read.</param>
public sealed record ExecutionInput(RerunOptions? Rerun, DateTimeOffset? Time = null, EventDetail? Detail = null);

/// <summary>Options of a manual re-run.</summary>
/// <param name="ResetBookmark">True to reset the job bookmark so the run reprocesses every raw object.</param>
public sealed record RerunOptions(bool? ResetBookmark);

/// <summary>The Object Created event's detail, as far as a task reads it.</summary>
public sealed record EventDetail([property: JsonPropertyName("object")] EventObject? RawObject);

/// <summary>The created object, as the event names it.</summary>
public sealed record EventObject(string? Key, [property: JsonPropertyName("etag")] string? ETag);
