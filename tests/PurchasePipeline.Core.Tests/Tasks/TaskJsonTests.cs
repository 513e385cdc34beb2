using System.Text.Json;
using PurchasePipeline.Core.Tasks;

namespace PurchasePipeline.Core.Tests.Tasks;

public class TaskJsonTests
{
    [Fact]
    public void Serialize_CrawlerResultWithUnknowns_WritesEveryFieldInCamelCaseWithNulls()
    {
        var json = JsonSerializer.Serialize(new CrawlerResult("RUNNING", null, null, null, 0), TaskJson.Default.CrawlerResult);

        Assert.Equal("""{"state":"RUNNING","lastCrawlStatus":null,"lastCrawlError":null,"joined":null,"poll":0}""", json);
    }

    [Fact]
    public void Serialize_ValidationResultStarted_WritesEveryField()
    {
        var result = new ValidationResult("jr_1", [new ValidationQuery("no_null_keys", "q-1")], "RUNNING", null, null, null, null, 0);

        var json = JsonSerializer.Serialize(result, TaskJson.Default.ValidationResult);

        Assert.Equal(
            """{"validationId":"jr_1","queries":[{"rule":"no_null_keys","queryId":"q-1"}],"state":"RUNNING","passed":null,"failedRules":null,"rules":null,"cause":null,"poll":0}""",
            json);
    }

    [Fact]
    public void Deserialize_StartEtlJobParameters_ReadsObjectAndResetBookmarkFromTheEvent()
    {
        const string json = """
            {"jobName":"clean_purchases","object":{"bucket":"b","key":"raw/k.csv"},
             "executionInput":{"version":"0","detail-type":"Object Created","source":"aws.s3",
               "detail":{"bucket":{"name":"b"},"object":{"key":"raw/k.csv","size":1}},"rerun":{"resetBookmark":true}}}
            """;

        var request = JsonSerializer.Deserialize(json, TaskJson.Default.StartEtlJobRequest)!;

        Assert.Equal(new ObjectRef("b", "raw/k.csv"), request.RawObject);
        Assert.True(request.ExecutionInput?.Rerun?.ResetBookmark);
    }
}
