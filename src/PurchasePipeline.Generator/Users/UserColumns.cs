using PurchasePipeline.Core.Schema;

namespace PurchasePipeline.Generator.Users;

/// <summary>Positions of the user columns, looked up by name in <see cref="UserSchema"/>.</summary>
internal static class UserColumns
{
    public static readonly int UserId = Find("user_id");
    public static readonly int Age = Find("age");
    public static readonly int Gender = Find("gender");
    public static readonly int Education = Find("education");
    public static readonly int MaritalStatus = Find("marital_status");
    public static readonly int Occupation = Find("occupation");
    public static readonly int Interests = Find("interests");
    public static readonly int Email = Find("email");
    public static readonly int PhoneNumber = Find("phone_number");
    public static readonly int City = Find("city");
    public static readonly int Language = Find("language");

    public static int Count => UserSchema.ColumnNames.Count;

    private static int Find(string name)
    {
        var index = UserSchema.ColumnNames.ToList().IndexOf(name);
        return index >= 0
            ? index
            : throw new InvalidOperationException($"UserSchema has no column '{name}' that the generator fills.");
    }
}
