namespace Batuta.ML.Validation;

/// <summary>A checked, row-major copy of an input matrix: what the algorithms work on.</summary>
internal readonly struct DenseMatrix(double[] data, int rows, int cols)
{
    public double[] Data { get; } = data;

    public int Rows { get; } = rows;

    public int Cols { get; } = cols;

    public ReadOnlySpan<double> Row(int i) => new(Data, i * Cols, Cols);

    public double this[int i, int j] => Data[i * Cols + j];

    /// <summary>The rows in <paramref name="indices"/>, in that order.</summary>
    public DenseMatrix Take(ReadOnlySpan<int> indices)
    {
        var d = new double[indices.Length * Cols];
        for (int r = 0; r < indices.Length; r++) Row(indices[r]).CopyTo(d.AsSpan(r * Cols, Cols));
        return new DenseMatrix(d, indices.Length, Cols);
    }
}
