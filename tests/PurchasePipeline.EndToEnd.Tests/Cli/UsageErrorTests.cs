using PurchasePipeline.EndToEnd.Tests.Support;
using PurchasePipeline.TestUtils;

namespace PurchasePipeline.EndToEnd.Tests.Cli;

/// <summary>Bad command lines and missing settings: exactly one line on stderr, no .NET type names or stack traces, exit 2.</summary>
public sealed class UsageErrorTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Theory]
    [InlineData("executions lst", "purchase-pipeline executions: unknown command or argument 'lst' (did you mean 'list'?); see --help")]
    [InlineData("exections list", "purchase-pipeline: unknown command or argument 'exections' (did you mean 'executions'?); see --help")]
    [InlineData("executions", "purchase-pipeline executions: give a command: list, show; see --help")]
    [InlineData("demo --files abc", "--files: 'abc' is not a whole number")]
    [InlineData("states run x.json --wait-scale fast", "--wait-scale: 'fast' is not a number")]
    [InlineData("run --jsn x.csv", "purchase-pipeline run: unknown option '--jsn' (did you mean '--json'?); see --help")]
    [InlineData("executions list --jsno", "purchase-pipeline executions list: unknown option '--jsno' (did you mean '--json'?); see --help")]
    [InlineData("executions list --bogus", "purchase-pipeline executions list: unknown option '--bogus'; see --help")]
    [InlineData("executions list --log-format xml", "--log-format: Argument 'xml' not recognized. Must be one of: 'text' 'json'")]
    public async Task RunAsync_BadCommandLine_OneLineOnStderrWithTheNearestNameAndExitTwo(string line, string expected)
    {
        var result = await CliHarness.RunAsync([.. line.Split(' '), "--home", temp.Path]);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(expected, Assert.Single(Lines(result.Error)));
        Assert.Empty(result.Output);
    }

    [Fact]
    public async Task RunAsync_AwsWithoutCredentials_OneLineNamingWhatToSetAndExitTwo()
    {
        // The SDK's default chain, with every provider empty: no keys, no profile files, no instance metadata.
        var environment = new Dictionary<string, string?>
        {
            ["AWS_ACCESS_KEY_ID"] = null,
            ["AWS_SECRET_ACCESS_KEY"] = null,
            ["AWS_SESSION_TOKEN"] = null,
            ["AWS_PROFILE"] = null,
            ["AWS_WEB_IDENTITY_TOKEN_FILE"] = null,
            ["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"] = null,
            ["AWS_CONTAINER_CREDENTIALS_FULL_URI"] = null,
            ["AWS_SHARED_CREDENTIALS_FILE"] = temp.Combine("no-credentials"),
            ["AWS_CONFIG_FILE"] = temp.Combine("no-config"),
            ["AWS_EC2_METADATA_DISABLED"] = "true",
            ["AWS_REGION"] = null,
            ["AWS_DEFAULT_REGION"] = "eu-west-1",
        };
        using var cli = CliProcess.Start(environment, "executions", "list", "--aws", "--state-machine-arn", "arn:aws:states:eu-west-1:123456789012:stateMachine:pp", "--home", temp.Path);

        var exitCode = await cli.WaitForExitAsync(TimeSpan.FromMinutes(2));

        Assert.Equal(2, exitCode);
        var line = Assert.Single(Lines(cli.Error));
        Assert.StartsWith("environment variable AWS_ACCESS_KEY_ID is not set (no AWS credentials found:", line, StringComparison.Ordinal);
        Assert.DoesNotContain("Amazon.", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecutionsListAws_OnlyAwsDefaultRegion_SignsForThatRegionAsTheAwsCliDoes()
    {
        await using var aws = new FakeAwsEndpoint();
        aws.On("AWSStepFunctions.ListExecutions", _ => ScriptedResponse.Ok("""{"executions":[]}"""));
        var variables = new Dictionary<string, string> { ["AWS_REGION"] = string.Empty, ["AWS_DEFAULT_REGION"] = "us-east-2" };

        var result = await CliHarness.RunAwsAsync(aws, variables, "executions", "list", "--aws", "--state-machine-arn", "arn:aws:states:us-east-2:123456789012:stateMachine:pp", "--json");

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.Contains("/us-east-2/states/aws4_request,", Assert.Single(aws.Calls("AWSStepFunctions.ListExecutions")).Headers["Authorization"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_UnexpectedException_OneLineSayingItIsABugAndVerboseGivesTheStackTrace()
    {
        // A fault no command maps (here: reading the environment throws) stands for any bug.
        var args = new[] { "executions", "list", "--aws", "--state-machine-arn", "arn:aws:states:eu-west-1:123456789012:stateMachine:pp", "--home", temp.Path };

        var (exitCode, error) = await RunWithBrokenEnvironmentAsync(args);
        var (verboseExitCode, verboseError) = await RunWithBrokenEnvironmentAsync([.. args, "--verbose"]);

        Assert.Equal(1, exitCode);
        Assert.Equal("internal error: environment unreadable (a bug: run again with --verbose for the stack trace, and report it)", Assert.Single(Lines(error)));
        Assert.Equal(1, verboseExitCode);
        Assert.StartsWith("internal error: System.InvalidOperationException: environment unreadable", verboseError, StringComparison.Ordinal);
        Assert.Contains("   at ", verboseError, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Error)> RunWithBrokenEnvironmentAsync(string[] args)
    {
        using var error = new StringWriter();
        var console = Spectre.Console.AnsiConsole.Create(new Spectre.Console.AnsiConsoleSettings { Out = new Spectre.Console.AnsiConsoleOutput(TextWriter.Null) });
        var context = new PurchasePipeline.Cli.Commands.CliContext(console, error, TimeProvider.System)
        {
            Environment = _ => throw new InvalidOperationException("environment unreadable"),
        };
        var exitCode = await PurchasePipeline.Cli.CliApp.RunAsync(args, context);
        return (exitCode, error.ToString());
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
