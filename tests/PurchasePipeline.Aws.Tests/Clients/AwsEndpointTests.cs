using PurchasePipeline.Aws.Protocol;

namespace PurchasePipeline.Aws.Tests.Clients;

public sealed class AwsEndpointTests
{
    [Fact]
    public void Resolve_ServiceVariableSet_WinsOverGlobal()
    {
        var environment = new Dictionary<string, string> { ["AWS_ENDPOINT_URL_SFN"] = "http://sfn:1", ["AWS_ENDPOINT_URL"] = "http://all:2" };
        Assert.Equal(new Uri("http://sfn:1/"), AwsEndpoint.Resolve(AwsService.StepFunctions, "eu-west-1", environment.GetValueOrDefault));
        Assert.Equal(new Uri("http://all:2/"), AwsEndpoint.Resolve(AwsService.Athena, "eu-west-1", environment.GetValueOrDefault));
    }

    [Fact]
    public void Resolve_NoOverride_IsRegionalEndpoint() =>
        Assert.Equal(new Uri("https://quicksight.eu-west-1.amazonaws.com/"), AwsEndpoint.Resolve(AwsService.QuickSight, "eu-west-1", _ => null));

    [Theory]
    [InlineData("Glue", "AWS_ENDPOINT_URL_GLUE")]
    [InlineData("Athena", "AWS_ENDPOINT_URL_ATHENA")]
    [InlineData("QuickSight", "AWS_ENDPOINT_URL_QUICKSIGHT")]
    [InlineData("SFN", "AWS_ENDPOINT_URL_SFN")]
    public void EndpointVariable_IsTheSdksName(string serviceId, string variable) =>
        Assert.Equal(variable, new[] { AwsService.Glue, AwsService.Athena, AwsService.QuickSight, AwsService.StepFunctions }.Single(s => s.ServiceId == serviceId).EndpointVariable);
}
