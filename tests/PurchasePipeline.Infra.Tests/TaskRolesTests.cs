using System.Text;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using PurchasePipeline.Aws;
using PurchasePipeline.Functions;
using PurchasePipeline.Infra.Tests.Support;
using PurchasePipeline.TestUtils.Http;

namespace PurchasePipeline.Infra.Tests;

/// <summary>
/// Least privilege, both ways, per task function: each function's handler runs on the AWS adapters against the
/// fake endpoint through every path of its task (<see cref="TaskScenarios"/>); each request it sends is mapped
/// to the IAM action and resource it needs (<see cref="IamCall"/>), with what AWS then does as the caller
/// (<see cref="ImpliedCalls"/>). The role of that function's AWS::Lambda::Function in the synthesized template
/// must allow every one of them, and allow no action none of them needs.
/// </summary>
[Trait("Requires", "node")]
public sealed class TaskRolesTests(DatasetDeployment deployment) : IClassFixture<DatasetDeployment>
{
    public static TheoryData<string> Tasks => [.. FunctionCatalog.All.Select(task => task.Name)];

    [Theory]
    [MemberData(nameof(Tasks))]
    public async Task Role_AllowsEveryCallItsFunctionMakes(string task)
    {
        var role = IamPolicyEvaluator.ForRole(deployment.Json, deployment.RoleId(task));

        var denied = (await NeededAsync(task)).Where(call => !role.Allows(call.Action, call.Resource)).Distinct().ToList();

        Assert.True(denied.Count == 0, $"{task}'s role denies what its function needs:\n  " + string.Join("\n  ", denied));
    }

    [Theory]
    [MemberData(nameof(Tasks))]
    public async Task Role_AllowsNoActionItsFunctionNeverNeeds(string task)
    {
        var needed = await NeededAsync(task);

        // Exact names: FunctionsTests.IdentityPolicies_HaveNoWildcardActions keeps wildcards out of every action.
        var unused = deployment.RoleActions(task)
            .Where(action => !needed.Any(call => string.Equals(action, call.Action, StringComparison.OrdinalIgnoreCase)))
            .ToList();

        Assert.True(unused.Count == 0, $"{task}'s role allows actions no path of its function needs: " + string.Join(", ", unused));
    }

    [Fact]
    public void Scenarios_CoverEveryCatalogFunction()
    {
        var covered = TaskScenarios.All(deployment).Select(scenario => scenario.Task).ToHashSet(StringComparer.Ordinal);

        Assert.All(FunctionCatalog.All, task => Assert.Contains(task.Name, covered));
    }

    /// <summary>Every authorization the function needs over all its scenarios: its requests', what AWS does for them, its logs.</summary>
    private async Task<IReadOnlyList<IamCall>> NeededAsync(string task)
    {
        var queryWorkGroup = deployment.Environment("StartValidation")[AwsSettings.AthenaWorkGroupVariable];
        var needed = new List<IamCall>(ImpliedCalls.OfLambdaRuntime(task, deployment));
        foreach (var scenario in TaskScenarios.All(deployment).Where(scenario => scenario.Task == task))
        {
            foreach (var request in await RecordAsync(scenario))
            {
                var call = IamCall.Of(request, TemplateValues.Account, queryWorkGroup) with { Source = $"{scenario.Name}: {TaskScenarios.CallName(request)}" };
                needed.Add(call);
                needed.AddRange(ImpliedCalls.Of(call, request, deployment));
            }
        }

        return needed;
    }

    /// <summary>Runs the scenario's function as Lambda would, with its deployed environment, and returns the requests it sent.</summary>
    private async Task<IReadOnlyList<RecordedRequest>> RecordAsync(TaskScenario scenario)
    {
        await using var aws = new FakeAwsEndpoint
        {
            Fallback = request => scenario.Answers.TryGetValue(TaskScenarios.CallName(request), out var answer)
                ? answer(request)
                : ScriptedResponse.Error(400, "UnscriptedCall", $"{scenario} does not answer {TaskScenarios.CallName(request)}"),
        };
        var environment = new Dictionary<string, string>(deployment.Environment(scenario.Task), StringComparer.Ordinal)
        {
            [AwsSettings.RegionVariable] = TemplateValues.Region,
            ["AWS_ENDPOINT_URL"] = aws.Endpoint,
        };
        // The system clock only signs the requests; nothing here waits (no scenario is throttled) or reads the time.
        var ports = AwsTaskPorts.Create(environment.GetValueOrDefault, TimeProvider.System, new BasicAWSCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"));
        var function = FunctionCatalog.Get(scenario.Task).Create(ports);
        await using var input = new MemoryStream(Encoding.UTF8.GetBytes(scenario.Input.ToJsonString()));
        try
        {
            await using var output = await function.InvokeAsync(input, CancellationToken.None);
            Assert.True(scenario.Error is null, $"{scenario}: expected {scenario.Error}, but the function returned");
            Assert.Equal(scenario.State, (string?)JsonNode.Parse(output)!["state"]);
        }
        catch (Exception error) when (scenario.Error is not null && error.GetType().Name == scenario.Error)
        {
            // The path under test: the typed error the state's Retry matches.
        }

        return [.. aws.Requests];
    }
}
