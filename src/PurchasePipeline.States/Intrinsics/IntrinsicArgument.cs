using System.Text.Json.Nodes;

namespace PurchasePipeline.States.Intrinsics;

/// <summary>One argument of an intrinsic call, as written in the expression.</summary>
internal abstract record IntrinsicArgument;

/// <summary>A string, number, boolean or null literal.</summary>
/// <param name="Value">The literal's value (escapes resolved).</param>
/// <param name="RawText">For a string literal, its text between the quotes with escapes kept, so
/// States.Format can tell an escaped <c>\{\}</c> from a <c>{}</c> placeholder; null otherwise.</param>
internal sealed record LiteralArgument(JsonNode? Value, string? RawText) : IntrinsicArgument;

/// <summary>A path ($.x, $$.Execution.Id, $), resolved by the caller's delegate.</summary>
internal sealed record PathArgument(string Path) : IntrinsicArgument;

/// <summary>A nested intrinsic call.</summary>
internal sealed record CallArgument(IntrinsicCall Call) : IntrinsicArgument;

/// <summary>A parsed intrinsic invocation: States.Name(arguments).</summary>
internal sealed record IntrinsicCall(string Name, IReadOnlyList<IntrinsicArgument> Arguments);
