"""Figures booklet draws itself: posed people and anatomy, as vector shapes."""
