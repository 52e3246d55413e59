"""zhi: the compiler of a 机构编制志."""
