"""The editors' wing: scaffolds for new files and the Excel round trip of the annual report.

These commands write into the data folder on an editor's request; they read the data through the data
wing (load, validate) and never import the site wing.
"""
