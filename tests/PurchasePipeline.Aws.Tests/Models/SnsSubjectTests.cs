using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PurchasePipeline.TestUtils;

namespace PurchasePipeline.Aws.Tests.Models;

/// <summary>
/// SNS refuses a Subject that is not ASCII, starts with other than a letter, digit or punctuation, has line
/// breaks or control characters, or is 100 characters or more (PublishInput.Subject's documentation in the
/// model). The definition's NotifyFailure subject names the caught error, which nothing bounds, so when SNS
/// refuses it the definition pages again with a subject of the failed state alone: that one must always fit.
/// </summary>
[Trait("Requires", "botocore")]
public sealed partial class SnsSubjectTests
{
    private static readonly ServiceModel Sns = ServiceModel.Load("sns");

    private static readonly JsonObject States =
        JsonNode.Parse(File.ReadAllText(RepoPaths.Combine("statemachine", "purchase-pipeline.asl.json")))!["States"]!.AsObject();

    [Fact]
    public void SubjectDocumentation_StatesTheConstraintsWeCheck()
    {
        var documentation = (string)Sns.Shape(Sns.InputShape("Publish"))["members"]!["Subject"]!["documentation"]!;
        Assert.Contains("must be ASCII text that begins with a letter, number, or punctuation mark", documentation, StringComparison.Ordinal);
        Assert.Contains("must not include line breaks or control characters", documentation, StringComparison.Ordinal);
        Assert.Contains("must be less than 100 characters long", documentation, StringComparison.Ordinal);
    }

    [Fact]
    public void NotifyFailureSubject_NamesTheUnboundedError_SoARefusedSubjectPagesAgainWithTheStateAlone()
    {
        Assert.Contains("$.alert.error", SubjectOf("NotifyFailure"), StringComparison.Ordinal);
        var catcher = Assert.Single(States["NotifyFailure"]!["Catch"]!.AsArray())!;
        Assert.Equal(["States.ALL"], catcher["ErrorEquals"]!.AsArray().Select(e => (string)e!));
        Assert.Equal("NotifyFailureWithStateSubject", (string?)catcher["Next"]);
        Assert.Equal("States.Format('purchase-pipeline failed at {}', $.alert.state)", SubjectOf("NotifyFailureWithStateSubject"));
        Assert.Equal(States["NotifyFailure"]!["Parameters"]!["Message.$"]!.ToJsonString(), States["NotifyFailureWithStateSubject"]!["Parameters"]!["Message.$"]!.ToJsonString());
    }

    [Fact]
    public void FailedState_EveryValueTheAlertCanName_IsALiteralStateName()
    {
        // BuildAlert's state is $.failure.state; only literals set it, CaughtErrorRecorded copies it.
        Assert.Equal("$.failure.state", (string?)States["BuildAlert"]!["Parameters"]!["state.$"]);
        var dynamic = PassParameters().SelectMany(p => Members(p.Parameters, "state.$").Select(v => (p.Name, Value: (string?)v))).ToList();
        Assert.All(dynamic, d => Assert.Equal("$.failure.state", d.Value));
        Assert.All(FailedStates(), state => Assert.True(States.ContainsKey(state), $"{state} is not a state of the definition"));
    }

    [Fact]
    public void StateSubject_ForEveryFailedState_FitsSnsSubjectConstraints()
    {
        var format = FormatLiteral().Match(SubjectOf("NotifyFailureWithStateSubject")).Groups["text"].Value;
        foreach (var state in FailedStates())
        {
            var subject = format.Replace("{}", state, StringComparison.Ordinal);
            Assert.True(subject.Length < 100, $"{subject}: {subject.Length} characters");
            Assert.True(subject.All(c => c is >= ' ' and <= '~'), $"{subject}: not printable ASCII");
            Assert.True(char.IsAsciiLetterOrDigit(subject[0]) || char.IsPunctuation(subject[0]), subject);
        }
    }

    [Fact]
    public void ErrorSubject_WithALongErrorName_WouldBeRefused()
    {
        // The error is whatever a Task's catcher caught (a Lambda's errorType, a Lambda service error): 51 characters are enough.
        var parts = FormatLiteral().Match(SubjectOf("NotifyFailure")).Groups["text"].Value.Split("{}");
        Assert.Equal(3, parts.Length);
        var subject = parts[0] + "GetValidationResult" + parts[1] + new string('E', 51) + parts[2];
        Assert.True(subject.Length >= 100);
    }

    private static string SubjectOf(string state) => (string)States[state]!["Parameters"]!["Subject.$"]!;

    private static IEnumerable<string> FailedStates() =>
        PassParameters().SelectMany(p => Members(p.Parameters, "state")).Select(v => (string)v!).Distinct();

    private static IEnumerable<(string Name, JsonNode Parameters)> PassParameters() =>
        States.Where(s => (string?)s.Value!["Type"] == "Pass" && s.Value["Parameters"] is not null).Select(s => (s.Key, s.Value!["Parameters"]!));

    /// <summary>Every value of a member with this name, at any depth.</summary>
    private static IEnumerable<JsonNode?> Members(JsonNode? node, string name) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Key == name ? [p.Value] : Members(p.Value, name)),
        JsonArray a => a.SelectMany(item => Members(item, name)),
        _ => [],
    };

    [GeneratedRegex(@"^States\.Format\('(?<text>[^']*)'")]
    private static partial Regex FormatLiteral();
}
