using PurchasePipeline.Core.Errors;

namespace PurchasePipeline.Aws.Protocol;

/// <summary>A parsed response with what is needed to report it: required members are checked through it.</summary>
internal sealed record AwsReply<T>(T Body, AwsService Service, string Operation, string RequestId)
{
    /// <summary>The member's value, or an <see cref="InvalidServiceResponseException"/> naming it.</summary>
    public TValue Required<TValue>(TValue? value, string member)
        where TValue : class =>
        value ?? throw new InvalidServiceResponseException(Service.ServiceId, Operation, $"required member {member} is missing", RequestId);

    /// <summary>A required number or timestamp member's value.</summary>
    public TValue Required<TValue>(TValue? value, string member)
        where TValue : struct =>
        value ?? throw new InvalidServiceResponseException(Service.ServiceId, Operation, $"required member {member} is missing", RequestId);

    public string Required(string? value, string member) =>
        string.IsNullOrEmpty(value)
            ? throw new InvalidServiceResponseException(Service.ServiceId, Operation, $"required member {member} is missing", RequestId)
            : value;
}
