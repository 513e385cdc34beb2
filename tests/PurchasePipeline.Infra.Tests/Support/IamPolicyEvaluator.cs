using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PurchasePipeline.Infra.Tests.Support;

/// <summary>
/// Decides, as IAM would for an identity policy, whether a role of a synthesized template may call an
/// action on a resource: its inline policies, the AWS::IAM::Policy and AWS::IAM::ManagedPolicy resources
/// attached to it. An explicit Deny wins, then any Allow; otherwise the call is denied (implicit deny).
/// </summary>
/// <remarks>
/// What it models, after the IAM User Guide: Action/NotAction (case-insensitive, * and ?),
/// Resource/NotResource ARNs with * and ? inside a colon-separated segment, a * that ends a segment also
/// spanning colons ("IAM JSON policy elements: Resource", "Using wildcards in resource ARNs"), and the
/// String/Arn/Bool condition operators with single-valued keys, every key of every operator having to
/// match ("Condition operators"; a missing key fails a positive operator and passes a negated one). A role
/// with an AWS managed policy, whose statements are not in the template, or a statement using anything
/// else (policy variables, ForAnyValue:, IfExists, numeric or date operators) is refused with
/// <see cref="NotSupportedException"/> rather than guessed at. Permissions boundaries, SCPs, session
/// policies and resource policies are out of scope: this answers what the role's own policies allow.
/// </remarks>
internal sealed class IamPolicyEvaluator
{
    private readonly IReadOnlyList<Statement> statements;

    private IamPolicyEvaluator(IReadOnlyList<Statement> statements, TemplateValues values)
    {
        this.statements = statements;
        Values = values;
    }

    /// <summary>How the template's Ref/GetAtt were resolved: build the ARNs to ask about with it.</summary>
    public TemplateValues Values { get; }

    /// <exception cref="NotSupportedException">The role has an AWS managed policy, or a statement this class does not model.</exception>
    public static IamPolicyEvaluator ForRole(JsonObject template, string roleLogicalId)
    {
        ArgumentNullException.ThrowIfNull(template);
        var values = new TemplateValues(template);
        var resources = template["Resources"]!.AsObject();
        var role = resources[roleLogicalId]?["Properties"]?.AsObject()
            ?? throw new KeyNotFoundException($"{roleLogicalId}: no such role in the template");

        var documents = new List<JsonNode>();
        documents.AddRange((role["Policies"]?.AsArray() ?? []).Select(policy => policy!["PolicyDocument"]!));
        var attachedManaged = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (id, resource) in resources)
        {
            var type = (string?)resource!["Type"];
            if (type is "AWS::IAM::Policy" or "AWS::IAM::ManagedPolicy" && NamesRole(resource["Properties"]?["Roles"], roleLogicalId))
            {
                documents.Add(resource["Properties"]!["PolicyDocument"]!);
                if (type == "AWS::IAM::ManagedPolicy")
                {
                    attachedManaged.Add(id);
                }
            }
        }

        foreach (var arn in role["ManagedPolicyArns"]?.AsArray() ?? [])
        {
            var reference = (string?)arn?["Ref"];
            if (reference is not null && (string?)resources[reference]?["Type"] == "AWS::IAM::ManagedPolicy")
            {
                if (attachedManaged.Add(reference))
                {
                    documents.Add(resources[reference]!["Properties"]!["PolicyDocument"]!);
                }

                continue;
            }

            throw new NotSupportedException(
                $"{roleLogicalId} has managed policy {values.Resolve(arn)}, whose statements are not in the template: the evaluator cannot tell what it allows");
        }

        var parsed = documents
            .SelectMany(document => document["Statement"] is JsonArray list ? list.Select(item => item!) : [document["Statement"]!])
            .Select(statement => Statement.Parse(statement.AsObject(), values))
            .ToList();
        return new IamPolicyEvaluator(parsed, values);
    }

    /// <summary>Whether the role may call action (service:Name) on resourceArn, with the request's condition keys.</summary>
    public bool Allows(string action, string resourceArn, IReadOnlyDictionary<string, string>? context = null)
    {
        context ??= new Dictionary<string, string>();
        var applicable = statements.Where(statement => statement.Applies(action, resourceArn, context)).ToList();
        return applicable.Count > 0 && applicable.All(statement => statement.Allow);
    }

    /// <summary>An S3 object's ARN in a bucket of the template (by logical id).</summary>
    public string ObjectArn(string bucketLogicalId, string key) => $"{Values.GetAtt(bucketLogicalId, "Arn")}/{key}";

    private static bool NamesRole(JsonNode? roles, string roleLogicalId) =>
        roles is JsonArray list && list.Any(role => (string?)role?["Ref"] == roleLogicalId);

    private sealed record Condition(string Operator, string Key, IReadOnlyList<string> Values)
    {
        private static readonly HashSet<string> Negated = new(StringComparer.Ordinal) { "StringNotEquals", "StringNotLike", "ArnNotEquals", "ArnNotLike" };

        public bool Holds(IReadOnlyDictionary<string, string> context)
        {
            if (!context.TryGetValue(Key, out var actual))
            {
                return Negated.Contains(Operator);
            }

            return Operator switch
            {
                "StringEquals" => Values.Contains(actual, StringComparer.Ordinal),
                "StringNotEquals" => !Values.Contains(actual, StringComparer.Ordinal),
                "StringEqualsIgnoreCase" => Values.Contains(actual, StringComparer.OrdinalIgnoreCase),
                "StringLike" => Values.Any(pattern => Wildcard.Text(pattern).IsMatch(actual)),
                "StringNotLike" => !Values.Any(pattern => Wildcard.Text(pattern).IsMatch(actual)),
                "ArnEquals" or "ArnLike" => Values.Any(pattern => Wildcard.Arn(pattern).IsMatch(actual)),
                "ArnNotEquals" or "ArnNotLike" => !Values.Any(pattern => Wildcard.Arn(pattern).IsMatch(actual)),
                "Bool" => Values.Contains(actual, StringComparer.OrdinalIgnoreCase),
                _ => throw new UnreachableException(Operator),
            };
        }

        public static IEnumerable<Condition> Parse(JsonObject? block, TemplateValues values)
        {
            foreach (var (op, keys) in block ?? [])
            {
                if (op is not ("StringEquals" or "StringNotEquals" or "StringEqualsIgnoreCase" or "StringLike" or "StringNotLike"
                    or "ArnEquals" or "ArnLike" or "ArnNotEquals" or "ArnNotLike" or "Bool"))
                {
                    throw new NotSupportedException($"condition operator {op}: not modelled by IamPolicyEvaluator");
                }

                foreach (var (key, value) in keys!.AsObject())
                {
                    yield return new Condition(op, key, Strings(value, values));
                }
            }
        }
    }

    private sealed record Statement(
        bool Allow, IReadOnlyList<Regex> Actions, bool ExceptActions, IReadOnlyList<Regex> Resources, bool ExceptResources,
        IReadOnlyList<Condition> Conditions)
    {
        public bool Applies(string action, string resource, IReadOnlyDictionary<string, string> context) =>
            Actions.Any(pattern => pattern.IsMatch(action)) != ExceptActions
            && Resources.Any(pattern => pattern.IsMatch(resource)) != ExceptResources
            && Conditions.All(condition => condition.Holds(context));

        public static Statement Parse(JsonObject statement, TemplateValues values)
        {
            var effect = (string?)statement["Effect"];
            if (effect is not ("Allow" or "Deny"))
            {
                throw new NotSupportedException($"statement {statement.ToJsonString()}: Effect must be Allow or Deny");
            }

            // NotAction / NotResource: the statement applies to every action / resource except those listed.
            var exceptActions = statement.TryGetPropertyValue("NotAction", out var notAction);
            var exceptResources = statement.TryGetPropertyValue("NotResource", out var notResource);
            var actions = Strings(exceptActions ? notAction : statement["Action"], values);
            var resources = Strings(exceptResources ? notResource : statement["Resource"], values);
            if (resources.Any(resource => resource.Contains("${", StringComparison.Ordinal)))
            {
                throw new NotSupportedException($"statement {statement.ToJsonString()}: policy variables are not modelled");
            }

            return new Statement(
                effect == "Allow",
                [.. actions.Select(Wildcard.Action)], exceptActions,
                [.. resources.Select(Wildcard.Arn)], exceptResources,
                [.. Condition.Parse(statement["Condition"]?.AsObject(), values)]);
        }
    }

    private static IReadOnlyList<string> Strings(JsonNode? node, TemplateValues values) => node switch
    {
        null => [],
        JsonArray array => [.. array.Select(values.Resolve)],
        _ => [values.Resolve(node)],
    };

    /// <summary>IAM's wildcards as regular expressions.</summary>
    private static class Wildcard
    {
        /// <summary>service:Name, case-insensitive.</summary>
        public static Regex Action(string pattern) =>
            new("^" + Escape(pattern, "(?s:.*)", ".") + "$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        /// <summary>StringLike: * any characters, ? one character.</summary>
        public static Regex Text(string pattern) => new("^" + Escape(pattern, "(?s:.*)", "(?s:.)") + "$", RegexOptions.CultureInvariant);

        /// <summary>An ARN: wildcards stay inside their colon-separated segment, except a * that ends a segment.</summary>
        public static Regex Arn(string pattern)
        {
            if (pattern == "*")
            {
                return new Regex("^(?s:.*)$");
            }

            var segments = pattern.Split(':').Select(segment =>
                segment.EndsWith('*')
                    ? Escape(segment[..^1], "[^:]*", "[^:]") + "(?s:.*)"
                    : Escape(segment, "[^:]*", "[^:]"));
            return new Regex("^" + string.Join(":", segments) + "$", RegexOptions.CultureInvariant);
        }

        private static string Escape(string pattern, string star, string question) =>
            string.Concat(pattern.Select(character => character switch
            {
                '*' => star,
                '?' => question,
                _ => Regex.Escape(character.ToString()),
            }));
    }
}
