using System.Globalization;
using PurchasePipeline.States.Definition;

namespace PurchasePipeline.States.Graph;

/// <summary>A Choice rule in a few words for an edge label, e.g. <c>$.crawler.state == "READY"</c>.</summary>
internal static class ChoiceLabels
{
    public const int MaxLength = 40;

    /// <summary>Literals as written (a label is escaped by its renderer, not as JSON for HTML).</summary>
    private static readonly System.Text.Json.JsonSerializerOptions AsWritten = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Of(ChoiceRule rule)
    {
        var text = Text(rule);
        return text.Length <= MaxLength ? text : text[..(MaxLength - 1)] + "…";
    }

    private static string Text(ChoiceRule rule) => rule switch
    {
        AndRule all => string.Join(" && ", all.Rules.Select(Grouped)),
        OrRule any => string.Join(" || ", any.Rules.Select(Grouped)),
        NotRule not => "!" + Grouped(not.Rule),
        ComparisonRule comparison => Comparison(comparison),
        _ => rule.GetType().Name,
    };

    private static string Grouped(ChoiceRule rule) => rule is ComparisonRule ? Text(rule) : "(" + Text(rule) + ")";

    private static string Comparison(ComparisonRule rule)
    {
        var value = rule.ValuePath?.Text ?? rule.Value?.ToJsonString(AsWritten) ?? "null";
        return rule.Kind switch
        {
            ComparisonKind.IsPresent or ComparisonKind.IsNull or ComparisonKind.IsNumeric or ComparisonKind.IsString
                or ComparisonKind.IsBoolean or ComparisonKind.IsTimestamp =>
                string.Create(CultureInfo.InvariantCulture, $"{rule.Variable.Text} {(value == "true" ? "is" : "is not")} {rule.Kind.ToString()[2..].ToLowerInvariant()}"),
            ComparisonKind.StringMatches => $"{rule.Variable.Text} like {value}",
            _ => $"{rule.Variable.Text} {Symbol(rule.Relation)} {value}",
        };
    }

    private static string Symbol(Relation relation) => relation switch
    {
        Relation.Equals => "==",
        Relation.LessThan => "<",
        Relation.GreaterThan => ">",
        Relation.LessThanEquals => "<=",
        _ => ">=",
    };
}
