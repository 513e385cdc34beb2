using System.Text.Json.Nodes;
using PurchasePipeline.Core.Trigger;
using PurchasePipeline.TestUtils;

namespace PurchasePipeline.Core.Tests.Trigger;

/// <summary>
/// The rule's pattern (statemachine/event-pattern.json) against S3 Object Created events. Matching rules from
/// https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-event-patterns-content-based-filtering.html
/// </summary>
public class EventPatternTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("raw/2026/11/25/a.csv", "purchases", true)]
    [InlineData("raw/x.jsonl", "purchases", true)]
    [InlineData("reference/users/users.csv", "purchases", false)]
    [InlineData("clean/purchases/part.parquet", "purchases", false)]
    [InlineData("raw/2026/11/25/a.csv", "other-bucket", false)]
    public void Matches_RulePattern_OnlyRawObjectsOfTheBucket(string key, string bucket, bool expected)
    {
        var sut = CreateSut();

        Assert.Equal(expected, sut.Matches(ObjectCreatedEvent.Create(bucket, key, 10, "etag", Now)));
    }

    [Fact]
    public void Matches_OtherDetailType_DoesNotMatch()
    {
        var e = ObjectCreatedEvent.Create("purchases", "raw/a.csv", 10, "etag", Now);
        e["detail-type"] = "Object Deleted";

        Assert.False(CreateSut().Matches(e));
    }

    [Theory]
    [InlineData("""{"a": [{"exists": false}]}""", """{"b": 1}""", true)]
    [InlineData("""{"a": [{"exists": true}]}""", """{"b": 1}""", false)]
    [InlineData("""{"a": [{"anything-but": ["x", "y"]}]}""", """{"a": "z"}""", true)]
    [InlineData("""{"a": [{"anything-but": ["x", "y"]}]}""", """{"a": "x"}""", false)]
    [InlineData("""{"a": [{"suffix": ".csv"}]}""", """{"a": "f.csv"}""", true)]
    [InlineData("""{"a": [{"equals-ignore-case": "ABC"}]}""", """{"a": "abc"}""", true)]
    [InlineData("""{"a": [{"numeric": [">", 0, "<=", 5]}]}""", """{"a": 5}""", true)]
    [InlineData("""{"a": [{"numeric": [">", 0, "<=", 5]}]}""", """{"a": 6}""", false)]
    [InlineData("""{"a": ["x"]}""", """{"a": ["w", "x"]}""", true)]
    [InlineData("""{"a": {"b": ["x"]}}""", """{"a": {"b": "y"}}""", false)]
    public void Matches_Filters_FollowEventBridge(string pattern, string eventJson, bool expected)
    {
        Assert.Equal(expected, EventPattern.Parse(pattern).Matches(JsonNode.Parse(eventJson)));
    }

    [Fact]
    public void Create_Event_HasTheShapeTheStateMachineReads()
    {
        var e = ObjectCreatedEvent.Create("purchases", "raw/a.csv", 42, "abc", Now);

        Assert.Equal("purchases", (string?)e["detail"]!["bucket"]!["name"]);
        Assert.Equal("raw/a.csv", (string?)e["detail"]!["object"]!["key"]);
        Assert.Equal(42, (long?)e["detail"]!["object"]!["size"]);
        Assert.Equal("2026-11-25T10:00:00Z", (string?)e["time"]);
    }

    private static EventPattern CreateSut() => EventPattern.Parse(
        File.ReadAllText(RepoPaths.Combine("statemachine", "event-pattern.json")),
        new Dictionary<string, string> { ["BucketName"] = "purchases" });
}
