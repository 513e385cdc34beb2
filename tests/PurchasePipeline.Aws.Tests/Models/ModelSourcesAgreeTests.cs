using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace PurchasePipeline.Aws.Tests.Models;

/// <summary>
/// botocore's 2022 model and aws-sdk's current one agree on what our clients rely on: the service metadata,
/// each operation's route and result wrapper, and every member botocore has (still there, same type, same
/// required list), so the constraints botocore checks still apply. Members added since are written to the output.
/// </summary>
[Trait("Requires", "botocore")]
[Trait("Requires", "aws-sdk")]
public sealed class ModelSourcesAgreeTests(ITestOutputHelper output)
{
    private const int MaxDepth = 6;

    public static TheoryData<string> Services => ["glue", "athena", "quicksight", "stepfunctions", "sns"];

    /// <summary>The operations our clients call.</summary>
    public static TheoryData<string, string> Operations => new()
    {
        { "glue", "StartCrawler" }, { "glue", "GetCrawler" }, { "glue", "StartJobRun" }, { "glue", "GetJobRun" }, { "glue", "ResetJobBookmark" },
        { "athena", "StartQueryExecution" }, { "athena", "GetQueryExecution" }, { "athena", "GetQueryResults" },
        { "quicksight", "CreateIngestion" }, { "quicksight", "DescribeIngestion" },
        { "stepfunctions", "StartExecution" }, { "stepfunctions", "DescribeExecution" }, { "stepfunctions", "ListExecutions" },
        { "sns", "Publish" },
    };

    [Theory]
    [MemberData(nameof(Services))]
    public void Metadata_BothSources_Agree(string service)
    {
        var (old, current) = Load(service);
        foreach (var key in new[] { "apiVersion", "protocol", "targetPrefix", "jsonVersion", "endpointPrefix", "serviceId", "xmlNamespace", "signatureVersion" })
        {
            Assert.True((string?)old.Metadata[key] == (string?)current.Metadata[key], $"{service} metadata.{key}: botocore {old.Metadata[key]}, aws-sdk {current.Metadata[key]}");
        }

        Assert.Equal(old.SigningName, current.SigningName);
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public void Operation_BothSources_AgreeOnRouteAndBotocoresMembers(string service, string operation)
    {
        var (old, current) = Load(service);
        var (was, now) = (old.Operation(operation), current.Operation(operation));
        Assert.Equal(was["http"]!["method"]!.ToString(), now["http"]!["method"]!.ToString());
        Assert.Equal(was["http"]!["requestUri"]!.ToString(), now["http"]!["requestUri"]!.ToString());
        Assert.Equal((string?)was["output"]?["resultWrapper"], (string?)now["output"]?["resultWrapper"]);

        var problems = new List<string>();
        var added = new List<string>();
        Compare(old, old.InputShape(operation), current, current.InputShape(operation), operation + ".input", 0, problems, added);
        Compare(old, old.OutputShape(operation), current, current.OutputShape(operation), operation + ".output", 0, problems, added);
        output.WriteLine(added.Count == 0 ? "no members added since botocore's model" : "added since botocore's model:\n" + string.Join("\n", added));
        Assert.True(problems.Count == 0, $"{service} {operation}: the sources disagree:\n" + string.Join("\n", problems));
    }

    private static (ServiceModel Old, ServiceModel Current) Load(string service) =>
        (ServiceModel.Load(service, ModelSource.Botocore), ServiceModel.Load(service, ModelSource.AwsSdk));

    private static void Compare(ServiceModel old, string oldName, ServiceModel current, string currentName, string path, int depth, List<string> problems, List<string> added)
    {
        var (was, now) = (old.Shape(oldName), current.Shape(currentName));
        var type = (string)was["type"]!;
        if (type != (string)now["type"]!)
        {
            problems.Add($"{path}: {type} in botocore, {now["type"]} in aws-sdk");
            return;
        }

        if (depth == MaxDepth)
        {
            return;
        }

        switch (type)
        {
            case "structure":
                var required = Names(was["required"]);
                if (!required.SetEquals(Names(now["required"])))
                {
                    problems.Add($"{path}: required [{string.Join(", ", required)}] in botocore, [{string.Join(", ", Names(now["required"]))}] in aws-sdk");
                }

                var members = now["members"]!.AsObject();
                added.AddRange(members.Where(m => was["members"]![m.Key] is null).Select(m => $"{path}.{m.Key}"));
                foreach (var (name, member) in was["members"]!.AsObject())
                {
                    if (members[name] is not JsonObject match)
                    {
                        problems.Add($"{path}.{name}: in botocore, not in aws-sdk (renamed or removed)");
                        continue;
                    }

                    Compare(old, (string)member!["shape"]!, current, (string)match["shape"]!, $"{path}.{name}", depth + 1, problems, added);
                }

                break;
            case "list":
                Compare(old, (string)was["member"]!["shape"]!, current, (string)now["member"]!["shape"]!, path + "[]", depth + 1, problems, added);
                break;
            case "map":
                Compare(old, (string)was["value"]!["shape"]!, current, (string)now["value"]!["shape"]!, path + "{}", depth + 1, problems, added);
                break;
        }
    }

    private static HashSet<string> Names(JsonNode? list) => [.. list?.AsArray().Select(n => (string)n!) ?? []];
}
