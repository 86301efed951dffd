namespace Batuta.Tensors;

/// <summary>numpy's LinAlgError: a singular matrix, a matrix that is not positive definite, no convergence.</summary>
public sealed class LinAlgException : ArithmeticException
{
    public LinAlgException(string message) : base(message)
    {
    }
}
