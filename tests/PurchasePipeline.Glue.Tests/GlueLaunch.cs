using System.IO.Compression;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Amazon.Runtime;
using PurchasePipeline.Aws;
using PurchasePipeline.Infra.Tests.Support;
using PurchasePipeline.TestUtils.Http;

namespace PurchasePipeline.Glue.Tests;

/// <summary>
/// What Glue 5.0 hands the job when the pipeline starts a run: the job definition of the synthesized stack
/// (DefaultArguments, NonOverridableArguments), the Arguments of the StartJobRun request our Glue adapter
/// sends, and what Glue adds itself (--JOB_ID, --JOB_RUN_ID, --JOB_NAME).
/// </summary>
/// <remarks>
/// Glue's precedence (AWS Glue guide, "Using job parameters in AWS Glue jobs"): NonOverridableArguments
/// over the run's Arguments over DefaultArguments. CloudFormation values are resolved with a stand-in for
/// each Ref (its logical id, lower-cased), so s3://{bucket}/... stays an s3 URI.
/// </remarks>
public sealed partial class GlueLaunch : IAsyncLifetime
{
    /// <summary>The test collection that shares one launch: the CDK's jsii runtime does not synthesize two stacks at once.</summary>
    public const string Collection = "GlueLaunch";

    private const string Region = "eu-west-1";

    // Glue's wire names (glue 2017-03-31): StartJobRun's JobName and Arguments, its reply's JobRunId.
    private const string JobNameMember = "JobName";
    private const string ArgumentsMember = "Arguments";
    private const string JobRunIdMember = "JobRunId";

    private Dictionary<string, string> run = [];

    public GlueLaunch()
    {
        var (_, template) = Synth.Stack();
        var json = template.Json();
        var (jobId, job) = Assert.Single(json.Resources("AWS::Glue::Job"));
        JobName = Stand(jobId);
        DefaultArguments = Arguments(job, "DefaultArguments");
        NonOverridableArguments = Arguments(job, "NonOverridableArguments");
    }

    /// <summary>The job's name, as the state machine passes it (the Ref of the job).</summary>
    public string JobName { get; }

    /// <summary>The id our Glue adapter got back from StartJobRun; Glue passes it as --JOB_RUN_ID.</summary>
    public string JobRunId { get; } = "jr_" + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()) + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());

    public IReadOnlyDictionary<string, string> DefaultArguments { get; }

    public IReadOnlyDictionary<string, string> NonOverridableArguments { get; }

    /// <summary>The Arguments member of the StartJobRun request our adapter sent (empty when it sends none).</summary>
    public IReadOnlyDictionary<string, string> RunArguments => run;

    /// <summary>The resolved value of one job argument (e.g. --sql_path).</summary>
    public string Argument(string name) => Merged().TryGetValue(name, out var value) ? value
        : throw new KeyNotFoundException($"the Glue job has no argument {name}");

    /// <summary>sys.argv[1:] of the job's script as Glue builds it, without the arguments named in <paramref name="dropped"/>.</summary>
    public IReadOnlyList<string> Argv(params string[] dropped)
    {
        var glue = new Dictionary<string, string>(StringComparer.Ordinal) { ["--JOB_ID"] = "j_" + JobName, ["--JOB_RUN_ID"] = JobRunId, ["--JOB_NAME"] = JobName };
        return
        [
            .. glue.Concat(Merged())
                .Where(pair => !dropped.Contains(pair.Key))
                .SelectMany(pair => new[] { pair.Key, pair.Value }),
        ];
    }

    public async Task InitializeAsync()
    {
        await using var glue = new FakeAwsEndpoint();
        glue.Fallback = _ => ScriptedResponse.Ok(new JsonObject { [JobRunIdMember] = JobRunId }.ToJsonString());
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [AwsSettings.RegionVariable] = Region,
            ["AWS_ENDPOINT_URL"] = glue.Endpoint,
        };
        var ports = Functions.AwsTaskPorts.Create(environment.GetValueOrDefault, TimeProvider.System, new BasicAWSCredentials("AKIDEXAMPLE", "test-secret"));

        var runId = await ports.EtlJob.StartJobRunAsync(JobName, CancellationToken.None);

        Assert.Equal(JobRunId, runId);
        var request = JsonNode.Parse(Assert.Single(glue.Calls("AWSGlue.StartJobRun")).BodyText)!.AsObject();
        Assert.Equal(JobName, (string?)request[JobNameMember]);
        run = request[ArgumentsMember]?.AsObject().ToDictionary(pair => pair.Key, pair => (string)pair.Value!, StringComparer.Ordinal) ?? [];
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Where a job argument's s3://BUCKET/KEY is in a folder S3 (scripts/glue_fakes.py: ROOT/BUCKET/KEY).</summary>
    public string LocalPath(string s3Root, string argument)
    {
        var uri = Argument(argument);
        Assert.StartsWith("s3://", uri, StringComparison.Ordinal);
        return Path.Combine(s3Root, uri["s3://".Length..]);
    }

    /// <summary>
    /// Puts the job's package where --extra-py-files names it, zipped as the CDK zips a directory asset (its contents at
    /// the zip's root): Glue copies that object and puts it on the job's Python path (scripts/launch_job.py does too).
    /// </summary>
    public void PlacePackage(string s3Root)
    {
        var zip = LocalPath(s3Root, "--extra-py-files");
        Assert.EndsWith(".zip", zip, StringComparison.Ordinal);
        Directory.CreateDirectory(Path.GetDirectoryName(zip)!);
        File.Delete(zip);
        ZipFile.CreateFromDirectory(GluePaths.JobPackage, zip);
    }

    /// <summary>Puts the repository's SQL files and rules where the stack's custom resources copy them (--sql_path, --validation_path).</summary>
    public void PlaceSqlFiles(string s3Root)
    {
        foreach (var (argument, folder) in new[] { ("--sql_path", GluePaths.SqlFolder), ("--validation_path", GluePaths.ValidationFolder) })
        {
            var target = LocalPath(s3Root, argument);
            Directory.CreateDirectory(target);
            foreach (var file in Directory.GetFiles(folder, "*.sql"))
            {
                File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
            }
        }
    }

    private Dictionary<string, string> Merged()
    {
        var merged = new Dictionary<string, string>(DefaultArguments, StringComparer.Ordinal);
        foreach (var layer in new[] { RunArguments, NonOverridableArguments })
        {
            foreach (var (name, value) in layer)
            {
                merged[name] = value;
            }
        }

        return merged;
    }

    private static Dictionary<string, string> Arguments(JsonObject job, string member) =>
        job[member]?.AsObject().ToDictionary(pair => pair.Key, pair => Resolve(pair.Value, $"{member}.{pair.Key}"), StringComparer.Ordinal) ?? [];

    /// <summary>A template value as text: Fn::Join and Ref resolved; anything else names its path.</summary>
    private static string Resolve(JsonNode? node, string path) => node switch
    {
        JsonValue value => value.ToString(),
        JsonObject { Count: 1 } intrinsic when intrinsic["Ref"] is { } reference => Stand((string)reference!),
        JsonObject { Count: 1 } intrinsic when intrinsic["Fn::Join"] is JsonArray { Count: 2 } join =>
            string.Join((string)join[0]!, join[1]!.AsArray().Select((part, index) => Resolve(part, $"{path}[{index}]"))),
        JsonObject { Count: 1 } intrinsic when intrinsic["Fn::Sub"] is JsonValue template =>
            SubVariable().Replace((string)template!, variable => Stand(variable.Groups[1].Value.Replace("::", string.Empty, StringComparison.Ordinal))),
        _ => throw new InvalidOperationException($"{path}: the test cannot resolve {node?.ToJsonString()}"),
    };

    private static string Stand(string logicalId) => logicalId.ToLowerInvariant();

    [GeneratedRegex(@"\$\{([^}]+)\}")]
    private static partial Regex SubVariable();
}

/// <summary>The classes that launch the job share one synthesized stack, one at a time.</summary>
[CollectionDefinition(GlueLaunch.Collection)]
public sealed class SharedGlueLaunch : ICollectionFixture<GlueLaunch>;
