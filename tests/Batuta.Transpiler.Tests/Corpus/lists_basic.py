nums = [5, 3, 8, 1, 9, 2]
nums.append(7)
nums.extend([10, 0])
nums.insert(0, 42)
print(nums, len(nums), nums[2:6], nums[-3:], nums[::3])
nums.sort()
print(nums, nums.pop(), nums.pop(0), nums.index(5), 8 in nums, 100 in nums)
nums.reverse()
print(nums, sum(nums), min(nums), max(nums))
squares = [n * n for n in range(10) if n % 2 == 0]
print(squares, [x for x in nums if x > 4])
matrix = [[i * j for j in range(3)] for i in range(3)]
print(matrix, matrix[1][2])
del nums[0]
nums.remove(1)
print(nums, nums * 2, [0] * 5, list(range(3)) + [9])
pairs = list(zip([1, 2, 3], ["a", "b", "c"]))
print(pairs, list(enumerate("xyz")), list(reversed([1, 2, 3])))
