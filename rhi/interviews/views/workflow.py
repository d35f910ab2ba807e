"""Due list, allocation, caseload and the RHI's page with its state changes."""
