// Real keys made with ssh-keygen for these tests only (throwaway; the ed25519 private half is kept below to test its refusal).
export const realPublicKeys = {
  ed25519: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIK3DMk51HA0l4wJKgzgZh81MGCBzcW2FApsuIbfsOQ5W alice@ed25519',
  ecdsab256:
    'ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBHFdEbtVw2Hdh2LAxnDuj8z/tgpy34vsWnowziJNlsTllVMqvcpTwiN5Alf3V/lM+AJThEOSvMMYd8UvuG3FnyU= alice@ecdsab256',
  ecdsab384:
    'ecdsa-sha2-nistp384 AAAAE2VjZHNhLXNoYTItbmlzdHAzODQAAAAIbmlzdHAzODQAAABhBA45ciwMOA3ND7zHt3jQM5Tl1SJ4wZQU0697nHfZP9vrd1DOU2Y0rQW2I3CA1vKkfTge+QpMc5XTsnGH4N8XA/O4q8a1WV1ljxurppOAp7sNdlb45O4RHgOGaw8B7GvNrg== alice@ecdsab384',
  ecdsab521:
    'ecdsa-sha2-nistp521 AAAAE2VjZHNhLXNoYTItbmlzdHA1MjEAAAAIbmlzdHA1MjEAAACFBAFByf2Hk0hu6Xpl76LA4sUraa7szGzLusgOdXedRnsRm/R64CjEYKJI0xh/nn7+vYmZeZLfOrCJqe3+66MfYP+MTQDVxeHnSw62T0GI1wnfCsWp0VPjItvgjEb7s0KJM6t6dWb/KqCoMK8ntExx4YGueHOCuda0SZ1UkUpMHgIy6e3i0g== alice@ecdsab521',
  rsab2048:
    'ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQCPpcu2PONyaRAe1caFi/3noXgRkSaqOOUAHHTrTGYkSUAKOvk16j6wYNbT12f+r2POyBkp4ozm1/56PTS6td9Va//JNY1NXC/AHhmterRYxhlYGtvPbRCMOqgC0bKYIdukShJps3OPmwTiQuSaz0ESPF7cwX4vRcezoYFef15xC8ztwzL9vL0Hiz+oi+1wtI0fOc6z0BH+jTSBjju+v4YC5kzqBXO1QprJWT1Fi/ofXf86wTp7xZAyl9gNoFafVDG2oJFIULW2XnncBRAyW5eiNXXi4b+jMW2x1/e6kXjgsHJLU0WjsWDGCRCA6Bgfb3z1q3AAYJdF0rJGWPK3Wis7 alice@rsab2048',
};

/** The private half of a throwaway ed25519 key (to check it is refused). */
export const privateKeyBlock = `-----BEGIN OPENSSH PRIVATE KEY-----
b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW
QyNTUxOQAAACCtwzJOdRwNJeMCSoM4GYfNTBggc3FthQKbLiG37DkOVgAAAJA0YBFmNGAR
ZgAAAAtzc2gtZWQyNTUxOQAAACCtwzJOdRwNJeMCSoM4GYfNTBggc3FthQKbLiG37DkOVg
AAAEBYqqeO32Qnmukxigbj2z0CafJQqvPfWA/6oOgmzz1v4q3DMk51HA0l4wJKgzgZh81M
GCBzcW2FApsuIbfsOQ5WAAAADWFsaWNlQGVkMjU1MTk=
-----END OPENSSH PRIVATE KEY-----`;
