using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.CDK;
using Amazon.CDK.AWS.Events;
using Amazon.CDK.AWS.Events.Targets;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.SQS;
using Constructs;
using PurchasePipeline.Infra.Security;

namespace PurchasePipeline.Infra.Workflow;

/// <summary>
/// The EventBridge rule that starts an execution for every new object under raw/: its pattern is
/// statemachine/event-pattern.json (the one the local trigger matches) with ${BucketName} filled in. Events
/// that cannot be delivered after the retries land in an encrypted dead-letter queue.
/// </summary>
public sealed class ObjectCreatedTrigger : Construct
{
    public const string BucketNamePlaceholder = "${BucketName}";

    public ObjectCreatedTrigger(Construct scope, string id, ObjectCreatedTriggerProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        DeadLetterQueue = new Queue(this, "DeadLetterQueue", new QueueProps
        {
            Encryption = QueueEncryption.SQS_MANAGED,
            EnforceSSL = true,
            RetentionPeriod = Duration.Days(14),
        });
        Nag.Suppress(DeadLetterQueue,
            ("AwsSolutions-SQS3", "This queue is the dead-letter queue of the rule's state machine target."));

        var role = new Role(this, "TargetRole", new RoleProps
        {
            AssumedBy = new ServicePrincipal("events.amazonaws.com"),
            Description = "purchase-pipeline rule: starts executions",
        });
        Rule = new Rule(this, "Rule", new RuleProps
        {
            Description = "Starts the purchase pipeline for every object created under raw/",
            EventPattern = PatternOf(File.ReadAllText(props.Files.EventPattern), props.Bucket.BucketName),
        });
        Rule.AddTarget(new SfnStateMachine(props.StateMachine, new SfnStateMachineProps
        {
            Role = role,
            DeadLetterQueue = DeadLetterQueue,
            MaxEventAge = Duration.Hours(2),
            RetryAttempts = 10,
        }));
    }

    public Rule Rule { get; }

    public Queue DeadLetterQueue { get; }

    /// <summary>The file's pattern with the placeholder replaced; a key the CDK's EventPattern lacks is an error.</summary>
    /// <exception cref="InvalidDataException">The file is not a pattern this method knows how to carry over.</exception>
    public static EventPattern PatternOf(string json, string bucketName) =>
        PatternOf(JsonNode.Parse(json) as JsonObject ?? throw new InvalidDataException("event-pattern.json: expected a JSON object"), BucketNamePlaceholder, bucketName);

    /// <summary>A pattern (event-pattern.json, alert-rule.json's) with its one placeholder replaced by <paramref name="value"/>.</summary>
    /// <exception cref="InvalidDataException">The pattern is not one this method knows how to carry over.</exception>
    public static EventPattern PatternOf(JsonObject root, string placeholder, string value)
    {
        ArgumentNullException.ThrowIfNull(root);
        var pattern = new EventPattern();
        foreach (var (key, item) in root)
        {
            var converted = Convert(item, placeholder, value);
            switch (key)
            {
                case "source": pattern.Source = Strings(converted, key); break;
                case "detail-type": pattern.DetailType = Strings(converted, key); break;
                case "account": pattern.Account = Strings(converted, key); break;
                case "region": pattern.Region = Strings(converted, key); break;
                case "resources": pattern.Resources = Strings(converted, key); break;
                case "detail": pattern.Detail = converted as IDictionary<string, object> ?? throw new InvalidDataException("event-pattern.json: detail must be an object"); break;
                default: throw new InvalidDataException($"event-pattern.json: top-level key '{key}' is not supported by the CDK EventPattern");
            }
        }

        return pattern;
    }

    private static string Fill(string text, string placeholder, string value)
    {
        // Checked before filling: the value is a CDK token, itself written ${Token[…]}.
        return text.Replace(placeholder, "", StringComparison.Ordinal).Contains("${", StringComparison.Ordinal)
            ? throw new InvalidDataException($"event pattern: '{text}' has a placeholder other than {placeholder}")
            : text.Replace(placeholder, value, StringComparison.Ordinal);
    }

    private static string[] Strings(object? value, string key) =>
        value is object[] items && items.All(item => item is string)
            ? [.. items.Cast<string>()]
            : throw new InvalidDataException($"event-pattern.json: {key} must be an array of strings");

    private static object? Convert(JsonNode? node, string placeholder, string filled) => node switch
    {
        null => null,
        JsonObject obj => obj.ToDictionary(pair => pair.Key, pair => Convert(pair.Value, placeholder, filled)!),
        JsonArray array => array.Select(item => Convert(item, placeholder, filled)).ToArray(),
        JsonValue value when value.GetValueKind() == JsonValueKind.String => Fill(value.GetValue<string>(), placeholder, filled),
        JsonValue value when value.GetValueKind() is JsonValueKind.True or JsonValueKind.False => value.GetValue<bool>(),
        JsonValue value when value.GetValueKind() == JsonValueKind.Number => value.GetValue<double>(),
        _ => throw new InvalidDataException($"event-pattern.json: unsupported value at {node.GetPath()}"),
    };
}
