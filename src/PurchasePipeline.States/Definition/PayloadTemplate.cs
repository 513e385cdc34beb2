using System.Text.Json.Nodes;
using PurchasePipeline.States.Paths;

namespace PurchasePipeline.States.Definition;

/// <summary>
/// A Parameters, ResultSelector or ItemSelector value: JSON whose fields named <c>key.$</c> take their
/// value, at run time, from a path of the input (<c>$</c>), of the context object (<c>$$</c>), or from
/// an intrinsic function (<c>States.…</c>), under the name <c>key</c>.
/// </summary>
internal sealed record PayloadTemplate(TemplateNode Root);

internal abstract record TemplateNode;

/// <summary>A value copied as written.</summary>
internal sealed record TemplateLiteral(JsonNode? Value) : TemplateNode;

/// <summary>An object whose fields are templates, in their written order.</summary>
internal sealed record TemplateObject(IReadOnlyList<KeyValuePair<string, TemplateNode>> Fields) : TemplateNode;

/// <summary>An array whose elements are templates.</summary>
internal sealed record TemplateArray(IReadOnlyList<TemplateNode> Elements) : TemplateNode;

/// <summary>A <c>key.$</c> whose value is a path; <paramref name="Field"/> is the key as written (with .$).</summary>
internal sealed record TemplatePath(JsonPath Path, string Field) : TemplateNode;

/// <summary>A <c>key.$</c> whose value is an intrinsic function call.</summary>
internal sealed record TemplateIntrinsic(string Expression, string Field) : TemplateNode;
