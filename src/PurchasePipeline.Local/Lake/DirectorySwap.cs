using System.Runtime.InteropServices;

namespace PurchasePipeline.Local.Lake;

/// <summary>
/// Swaps two directories in one step (Linux renameat2 with RENAME_EXCHANGE, rename(2)): a reader lists either the
/// one or the other, never a mix and never neither, and a crash leaves one of the two states.
/// </summary>
internal static partial class DirectorySwap
{
    private const int CurrentDirectory = -100;

    private const uint Exchange = 2;

    /// <summary>Swaps <paramref name="first"/> and <paramref name="second"/>; false where the system or file system cannot (nothing changed then).</summary>
    public static bool TryExchange(string first, string second)
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            return RenameAt2(CurrentDirectory, first, CurrentDirectory, second, Exchange) == 0;
        }
        catch (EntryPointNotFoundException)
        {
            // A C library older than glibc 2.28 has no wrapper; the partition then keeps its small files.
            return false;
        }
    }

    [DllImport("libc", EntryPoint = "renameat2", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int RenameAt2(
        int oldDirectory, [MarshalAs(UnmanagedType.LPUTF8Str)] string oldPath, int newDirectory, [MarshalAs(UnmanagedType.LPUTF8Str)] string newPath, uint flags);
}
