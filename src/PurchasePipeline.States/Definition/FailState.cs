using System.Text.Json.Nodes;

namespace PurchasePipeline.States.Definition;

/// <summary>Fail: ends its machine with an error and a cause.</summary>
/// <param name="Error">The error name.</param>
/// <param name="Cause">The cause.</param>
/// <param name="ErrorPath">A path or an intrinsic function giving the error name at run time.</param>
/// <param name="CausePath">A path or an intrinsic function giving the cause at run time.</param>
internal sealed record FailState(string? Error, string? Cause, TemplateNode? ErrorPath, TemplateNode? CausePath) : StateDefinition
{
    public static FailState Read(string name, JsonObject obj) => new(
        CommonFields.String(obj, "Error"),
        CommonFields.String(obj, "Cause"),
        CommonFields.String(obj, "ErrorPath") is { } error ? CommonFields.Dynamic(error, "ErrorPath") : null,
        CommonFields.String(obj, "CausePath") is { } cause ? CommonFields.Dynamic(cause, "CausePath") : null)
    {
        Name = name,
    };
}
